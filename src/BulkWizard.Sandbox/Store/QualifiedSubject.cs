namespace BulkWizard.Sandbox.Store;

/// <summary>
/// A subject name with its context, as the registry's QualifiedSubject parses it: <c>:.ctx:name</c>
/// is <c>name</c> in context <c>.ctx</c>; anything else (including <c>:ctx:name</c> without the dot)
/// is a default-context name. The normalized form drops the default context (<c>:.:x</c> is <c>x</c>).
/// </summary>
internal readonly record struct QualifiedSubject(string Context, string Name)
{
    public const string DefaultContext = ".";
    public const string GlobalContext = ".__GLOBAL";

    public bool IsDefaultContext => Context == DefaultContext;

    /// <summary>The key of this subject's context in config and mode maps: "" for the default context, ":.ctx:" otherwise.</summary>
    public string ContextKey => IsDefaultContext ? string.Empty : ":" + Context + ":";

    public static QualifiedSubject Parse(string subject)
    {
        if (subject.StartsWith(":.", StringComparison.Ordinal))
        {
            var end = subject.IndexOf(':', 2);
            if (end > 0)
            {
                return new QualifiedSubject(subject[1..end], subject[(end + 1)..]);
            }
        }

        return new QualifiedSubject(DefaultContext, subject);
    }

    public static string Normalize(string subject) => Parse(subject).ToString();

    public static QualifiedSubject In(string context, string name) => new(context, name);

    /// <summary>Qualifies an unqualified name with this subject's context; qualified names stay as they are.</summary>
    public string Qualify(string other) =>
        other.StartsWith(":.", StringComparison.Ordinal) ? Normalize(other) : In(Context, other).ToString();

    public override string ToString() => IsDefaultContext ? Name : ":" + Context + ":" + Name;
}
