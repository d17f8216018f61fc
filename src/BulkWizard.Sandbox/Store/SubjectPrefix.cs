namespace BulkWizard.Sandbox.Store;

/// <summary>
/// The subjectPrefix filter: absent or ":*:" means every context; ":*:foo" every context's "foo…";
/// "" only the default context; "foo" default-context names starting with "foo"; ":.ctx:" that context.
/// </summary>
internal sealed record SubjectPrefix(string? Context, string NamePrefix)
{
    private const string Wildcard = ":*:";

    public static SubjectPrefix Parse(string? prefix)
    {
        if (prefix is null)
        {
            return new SubjectPrefix(null, string.Empty);
        }

        if (prefix.StartsWith(Wildcard, StringComparison.Ordinal))
        {
            return new SubjectPrefix(null, prefix[Wildcard.Length..]);
        }

        var name = QualifiedSubject.Parse(prefix);
        return new SubjectPrefix(name.Context, name.Name);
    }

    /// <summary>
    /// The subject keys this filter can match all start with, when it names one context and a name prefix that cannot
    /// be mistaken for a context (a key of the default context has no context part); null when it spans contexts.
    /// </summary>
    public string? KeyPrefix =>
        Context is null || NamePrefix.StartsWith(':') ? null
        : Context == QualifiedSubject.DefaultContext ? (NamePrefix.Length == 0 ? null : NamePrefix)
        : $":{Context}:{NamePrefix}";

    public bool Matches(QualifiedSubject subject) =>
        (Context is null || subject.Context == Context) && subject.Name.StartsWith(NamePrefix, StringComparison.Ordinal);
}
