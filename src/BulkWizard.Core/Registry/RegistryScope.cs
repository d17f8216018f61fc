namespace BulkWizard.Core.Registry;

/// <summary>The target of a config or mode call: global, one context, or one subject.</summary>
public sealed record RegistryScope
{
    private RegistryScope(RegistryScopeKind kind, string? context, QualifiedSubject? subject)
    {
        Kind = kind;
        Context = context;
        Subject = subject;
    }

    public static RegistryScope Global { get; } = new(RegistryScopeKind.Global, null, null);

    public RegistryScopeKind Kind { get; }

    /// <summary>The context, for <see cref="RegistryScopeKind.Context"/>.</summary>
    public string? Context { get; }

    /// <summary>The subject, for <see cref="RegistryScopeKind.Subject"/>.</summary>
    public QualifiedSubject? Subject { get; }

    /// <summary>A context's own setting. The default context's setting is the global one, as the registry treats <c>:.:</c>.</summary>
    public static RegistryScope ForContext(string context)
    {
        var qualified = QualifiedSubject.ContextOnly(context);
        return qualified.IsDefaultContext ? Global : new RegistryScope(RegistryScopeKind.Context, qualified.Context, null);
    }

    public static RegistryScope ForSubject(QualifiedSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new RegistryScope(RegistryScopeKind.Subject, null, subject);
    }

    /// <summary>
    /// The scope a qualified name stands for, as the registry reads it after <c>/config/</c> and <c>/mode/</c>:
    /// empty (or <c>:.:</c>) is the global scope, <c>:.ctx:</c> a context's own, anything else a subject.
    /// </summary>
    public static RegistryScope Of(string qualified)
    {
        ArgumentNullException.ThrowIfNull(qualified);
        var parsed = QualifiedSubject.Parse(qualified);
        return parsed.Name.Length == 0 ? ForContext(parsed.Context) : ForSubject(parsed);
    }

    /// <summary>The path segment after <c>/config/</c> or <c>/mode/</c>, unescaped; null for the global scope.</summary>
    public string? PathSegment => Kind switch
    {
        RegistryScopeKind.Global => null,
        RegistryScopeKind.Context => QualifiedSubject.ContextOnly(Context!).ToString(),
        _ => Subject!.ToString(),
    };

    public override string ToString() => PathSegment ?? "(global)";
}
