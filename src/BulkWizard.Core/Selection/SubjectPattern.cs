using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Selection;

/// <summary>
/// A selection of subjects written as comma-separated terms: <c>test-*</c> (default context),
/// <c>:.staging:orders-*</c> (one context), <c>:*:test-*</c> (every context), <c>!orders-keep</c>
/// (exclusion). A subject is selected when an including term matches it and no excluding term does;
/// a pattern of exclusions only starts from every subject of the default context.
/// </summary>
public sealed class SubjectPattern
{
    private SubjectPattern(string text, IReadOnlyList<PatternTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    public string Text { get; }

    internal IReadOnlyList<PatternTerm> Terms { get; }

    /// <summary>True when some term reaches beyond the default context.</summary>
    public bool SpansContexts => Terms.Any(t => !t.Exclude && t.Scope != ContextScope.Default);

    /// <exception cref="ArgumentException">The text has no term, or a context qualifier is malformed; the message says which.</exception>
    public static SubjectPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var at = 0; at < text.Length; at++)
        {
            if (char.IsControl(text[at]))
            {
                throw new ArgumentException($"pattern: control character U+{(int)text[at]:X4} at position {at + 1} is not allowed; give printable subject names and globs.");
            }
        }

        var terms = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(ParseTerm)
            .ToList();
        if (terms.Count == 0)
        {
            throw new ArgumentException("pattern: empty; give a glob such as test-*, :.staging:orders-* or :*:test-*.");
        }

        if (terms.All(t => t.Exclude))
        {
            terms.Insert(0, new PatternTerm(ContextScope.Default, new GlobPattern("*"), Exclude: false));
        }

        return new SubjectPattern(text, terms);
    }

    /// <summary>
    /// The pattern read from inside one context, for comparing a context with another: its unqualified terms select
    /// in <paramref name="context"/> rather than in the default context, so <c>orders-*</c> means the same names
    /// whichever context holds them. (<c>:.:orders</c> is the same term as <c>orders</c>, so it moves too.)
    /// </summary>
    /// <param name="context">A context as <see cref="QualifiedSubject.Context"/> writes it: <c>.</c> or <c>.ctx</c>.</param>
    /// <exception cref="ArgumentException">A term names another context, which nothing read from <paramref name="context"/> can match.</exception>
    public SubjectPattern Within(string context)
    {
        var home = new ContextScope(context);
        if (Terms.FirstOrDefault(t => !t.Scope.IsEvery && t.Scope != ContextScope.Default && t.Scope != home) is { } foreign)
        {
            throw new ArgumentException($"pattern: '{foreign}' names context {foreign.Scope.Context}, but the subjects are read from {(context == QualifiedSubject.DefaultContext ? "the default context" : "context " + context)}; qualify it with that context or leave it unqualified.");
        }

        return new SubjectPattern(Text, [.. Terms.Select(t => t.Scope == ContextScope.Default ? t with { Scope = home } : t)]);
    }

    public bool Matches(QualifiedSubject subject) =>
        Terms.Any(t => !t.Exclude && t.Matches(subject.Context, subject.Name))
        && !Terms.Any(t => t.Exclude && t.Matches(subject.Context, subject.Name));

    public override string ToString() => Text;

    private static PatternTerm ParseTerm(string term)
    {
        var exclude = term.StartsWith('!');
        var body = exclude ? term[1..] : term;
        var scope = ContextScope.Default;
        if (body.StartsWith(":*:", StringComparison.Ordinal))
        {
            scope = ContextScope.Every;
            body = body[3..];
        }
        else if (body.StartsWith(":.", StringComparison.Ordinal))
        {
            var end = body.IndexOf(':', 2);
            if (end < 0)
            {
                throw new ArgumentException($"pattern: '{term}' opens a context with ':.' but does not close it with ':'; write :.context:glob.");
            }

            scope = new ContextScope(body[1..end]);
            body = body[(end + 1)..];
        }

        if (body.Length == 0)
        {
            throw new ArgumentException($"pattern: '{term}' has no subject glob after its context; add one, e.g. {term}*.");
        }

        return new PatternTerm(scope, new GlobPattern(body), exclude);
    }
}
