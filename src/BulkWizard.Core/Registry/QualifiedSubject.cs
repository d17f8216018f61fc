namespace BulkWizard.Core.Registry;

/// <summary>
/// A subject together with its schema context, as the registry qualifies it: <c>:.ctx:name</c>,
/// or just <c>name</c> in the default context <c>.</c>.
/// </summary>
/// <remarks>
/// A context-only value (empty <see cref="Name"/>) formats as <c>:.ctx:</c>, the form the registry
/// accepts for context-level config and mode and as a <c>subject</c> filter on schema-by-id reads.
/// </remarks>
public sealed record QualifiedSubject
{
    public const string DefaultContext = ".";

    public QualifiedSubject(string context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(name);
        if (context.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A context name never contains ':' (got '{context}').", nameof(context));
        }

        Context = NormalizeContext(context);
        Name = name;
    }

    /// <summary>The context, always starting with a dot; <c>.</c> is the default context.</summary>
    public string Context { get; }

    public string Name { get; }

    public bool IsDefaultContext => Context == DefaultContext;

    /// <summary>Reads <c>:.ctx:name</c>, <c>:.:name</c> or a plain name (default context).</summary>
    /// <remarks>
    /// Like the registry, <c>:ctx:name</c> (no dot) is not a context: it is a default-context subject
    /// literally named <c>:ctx:name</c>.
    /// </remarks>
    public static QualifiedSubject Parse(string qualified)
    {
        ArgumentNullException.ThrowIfNull(qualified);
        if (qualified.StartsWith(":.", StringComparison.Ordinal))
        {
            var end = qualified.IndexOf(':', 2);
            if (end > 0)
            {
                return new QualifiedSubject(qualified[1..end], qualified[(end + 1)..]);
            }
        }

        return new QualifiedSubject(DefaultContext, qualified);
    }

    /// <summary>A subject in the default context.</summary>
    public static QualifiedSubject InDefaultContext(string name) => new(DefaultContext, name);

    /// <summary>The context itself (<c>:.ctx:</c>), used for context-level config, mode and id lookups.</summary>
    /// <param name="context">Written <c>.ctx</c>, <c>ctx</c> or <c>:.ctx:</c>, as the registry accepts it.</param>
    public static QualifiedSubject ContextOnly(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new QualifiedSubject(context.StartsWith(':') && context.EndsWith(':') ? context.Trim(':') : context, "");
    }

    /// <summary>The registry's own spelling: <c>name</c> in the default context, <c>:.ctx:name</c> elsewhere.</summary>
    public override string ToString() => IsDefaultContext ? Name : $":{Context}:{Name}";

    /// <summary>Adds the leading dot the registry adds to a context written without it.</summary>
    private static string NormalizeContext(string context) =>
        context.Length == 0 ? DefaultContext : context.StartsWith('.') ? context : "." + context;
}
