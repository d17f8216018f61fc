using System.Text;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Selection;

/// <summary>
/// A shell-style glob over a whole subject name: <c>*</c> any run of characters, <c>?</c> one character,
/// <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> classes, <c>\</c> escapes the next character. Case-sensitive.
/// </summary>
/// <remarks>
/// File-system globbing libraries treat <c>/</c> as a path separator that <c>*</c> does not cross, but
/// subject names are flat strings that may contain <c>/</c>; hence this small translation to a regex.
/// </remarks>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Text = pattern;
        _regex = new Regex(Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public string Text { get; }

    /// <summary>True when the pattern has no wildcard and so names one subject.</summary>
    public bool IsLiteral => Text.IndexOfAny(['*', '?', '[', '\\']) < 0;

    public bool IsMatch(string name) => _regex.IsMatch(name);

    public override string ToString() => Text;

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                // A [ without its ] is a plain character, as in a shell.
                case '[' when i + 2 < pattern.Length && pattern.IndexOf(']', i + 2) is var close and > 0:
                    regex.Append(CharacterClass(pattern[(i + 1)..close]));
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    private static string CharacterClass(string body)
    {
        var negated = body.StartsWith('!') || body.StartsWith('^');
        var members = negated ? body[1..] : body;
        var escaped = new StringBuilder();
        foreach (var c in members)
        {
            escaped.Append(c == '-' ? "-" : Regex.Escape(c.ToString()).Replace("]", "\\]", StringComparison.Ordinal));
        }

        return (negated ? "[^" : "[") + escaped + "]";
    }
}
