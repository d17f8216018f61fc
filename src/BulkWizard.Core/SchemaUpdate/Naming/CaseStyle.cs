using System.Text.RegularExpressions;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// kebab-case, snake_case and camelCase for the topic part of a name. Dots separate namespace-like segments
/// (<c>prod.orders</c>) and are kept; each segment follows the case on its own.
/// </summary>
internal static partial class CaseStyle
{
    public static bool Follows(NamingConventionKind style, string topic) =>
        topic.Length > 0 && topic.Split('.').All(segment => SegmentPattern(style).IsMatch(segment));

    /// <summary>The topic rewritten in the style; null when a segment has no letter or digit to build a word from.</summary>
    public static string? Convert(NamingConventionKind style, string topic)
    {
        var segments = new List<string>();
        foreach (var segment in topic.Split('.'))
        {
            var words = Words(segment);
            if (words.Count == 0)
            {
                return null;
            }

            segments.Add(style switch
            {
                NamingConventionKind.KebabCase => string.Join('-', words.Select(w => w.ToLowerInvariant())),
                NamingConventionKind.SnakeCase => string.Join('_', words.Select(w => w.ToLowerInvariant())),
                NamingConventionKind.CamelCase => words[0].ToLowerInvariant() + string.Concat(words.Skip(1).Select(Capitalized)),
                _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Not a case style."),
            });
        }

        return string.Join('.', segments);
    }

    /// <summary>
    /// Splits at anything but letters and digits, and at case changes: <c>OrdersEvents</c> → Orders, Events;
    /// <c>XMLParser</c> → XML, Parser; digits stay with the word before them (<c>v2Orders</c> → v2, Orders).
    /// </summary>
    public static IReadOnlyList<string> Words(string text) =>
        [.. Word().Matches(text).Select(m => m.Value)];

    private static string Capitalized(string word) =>
        char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    private static Regex SegmentPattern(NamingConventionKind style) => style switch
    {
        NamingConventionKind.KebabCase => Kebab(),
        NamingConventionKind.SnakeCase => Snake(),
        NamingConventionKind.CamelCase => Camel(),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Not a case style."),
    };

    [GeneratedRegex("[A-Z]+(?![a-z])[0-9]*|[A-Z]?[a-z]+[0-9]*|[0-9]+[a-z]*[0-9]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Kebab();

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Snake();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Camel();
}
