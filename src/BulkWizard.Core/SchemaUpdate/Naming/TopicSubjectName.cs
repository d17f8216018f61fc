using System.Text.RegularExpressions;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// A subject name read as TopicNameStrategy writes it: the topic, and the <c>-key</c> / <c>-value</c> suffix
/// (null when the name has none). The suffix is recognised in any letter case and stored lowercase.
/// </summary>
internal sealed partial record TopicSubjectName(string Topic, string? Suffix)
{
    public const string KeySuffix = "-key";
    public const string ValueSuffix = "-value";

    /// <summary>Kafka's limit on topic names.</summary>
    public const int MaxTopicLength = 249;

    public static TopicSubjectName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var suffix in (string[])[KeySuffix, ValueSuffix])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return new TopicSubjectName(name[..^suffix.Length], suffix);
            }
        }

        return new TopicSubjectName(name, null);
    }

    /// <summary>Topic and suffix written the way TopicNameStrategy writes them.</summary>
    public override string ToString() => Topic + Suffix;

    /// <summary>Kafka accepts letters, digits, '.', '_' and '-', 1 to 249 characters, but not "." or "..".</summary>
    public static bool IsLegalTopic(string topic) =>
        topic.Length is > 0 and <= MaxTopicLength && topic is not ("." or "..") && LegalTopic().IsMatch(topic);

    /// <summary>The topic with each run of characters Kafka refuses replaced by '_'; null when nothing legal is left.</summary>
    public static string? Sanitized(string topic)
    {
        var replaced = IllegalRun().Replace(topic, "_");
        return IsLegalTopic(replaced) && replaced.Any(char.IsAsciiLetterOrDigit) ? replaced : null;
    }

    /// <summary>
    /// A name that says key or value in another way: <c>orders_value</c>, <c>orders.key</c>, <c>orders-Value</c> or
    /// <c>ordersValue</c>; the topic and the suffix as TopicNameStrategy writes it, or null.
    /// </summary>
    public static TopicSubjectName? NearMiss(string name)
    {
        var match = SeparatedSuffix().Match(name);
        if (!match.Success)
        {
            match = CamelSuffix().Match(name);
        }

        return match.Success
            ? new TopicSubjectName(match.Groups["topic"].Value, "-" + match.Groups["kind"].Value.ToLowerInvariant())
            : null;
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LegalTopic();

    [GeneratedRegex("[^a-zA-Z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex IllegalRun();

    [GeneratedRegex("^(?<topic>.+)[-_.](?<kind>(?i:key|value))$", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatedSuffix();

    // Only at a case boundary, so that "turkey" is not read as "tur" + "key".
    [GeneratedRegex("^(?<topic>.*[a-z0-9])(?<kind>Key|Value|KEY|VALUE)$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelSuffix();
}
