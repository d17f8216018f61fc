namespace BulkWizard.Core.Selection;

/// <summary>One term of a subject pattern: a glob within a context scope, including or excluding what it matches.</summary>
internal sealed record PatternTerm(ContextScope Scope, GlobPattern Glob, bool Exclude)
{
    public bool Matches(string context, string name) => Scope.Contains(context) && Glob.IsMatch(name);

    public override string ToString() => (Exclude ? "!" : "") + Scope + Glob;
}
