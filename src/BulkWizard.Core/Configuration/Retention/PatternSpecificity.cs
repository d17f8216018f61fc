using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// How closely a pattern names a subject it selects, judged on its best including term that matches: a literal name
/// beats any glob; then the more literal characters (<c>orders-value-*</c> beats <c>orders-*</c> beats <c>*</c>); then a
/// term in one context beats one over every context (<c>:*:</c>).
/// </summary>
internal readonly record struct PatternSpecificity(bool Literal, int LiteralCharacters, bool OneContext) : IComparable<PatternSpecificity>
{
    /// <summary>Null when <paramref name="pattern"/> does not select <paramref name="subject"/>.</summary>
    public static PatternSpecificity? Of(SubjectPattern pattern, QualifiedSubject subject) =>
        pattern.Matches(subject)
            ? pattern.Terms.Where(t => !t.Exclude && t.Matches(subject.Context, subject.Name)).Select(Of).Max()
            : null;

    public int CompareTo(PatternSpecificity other) =>
        Literal != other.Literal ? Literal.CompareTo(other.Literal)
        : LiteralCharacters != other.LiteralCharacters ? LiteralCharacters.CompareTo(other.LiteralCharacters)
        : OneContext.CompareTo(other.OneContext);

    private static PatternSpecificity Of(PatternTerm term) => new(term.Glob.IsLiteral, LiteralCharactersOf(term.Glob.Text), !term.Scope.IsEvery);

    /// <summary>Characters a name must have exactly: not <c>*</c> or <c>?</c>; an escaped character or a class counts once.</summary>
    private static int LiteralCharactersOf(string glob)
    {
        var count = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            switch (glob[i])
            {
                case '*' or '?':
                    break;
                case '\\' when i + 1 < glob.Length:
                    i++;
                    count++;
                    break;
                case '[' when glob.IndexOf(']', i + 2) is var close and > 0:
                    i = close;
                    count++;
                    break;
                default:
                    count++;
                    break;
            }
        }

        return count;
    }
}
