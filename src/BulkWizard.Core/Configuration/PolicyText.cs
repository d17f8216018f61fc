namespace BulkWizard.Core.Configuration;

/// <summary>
/// The short texts a security policy is given in, the same in the planning tool, in <c>answers</c> and in the wizard's
/// form: tags <c>$.ssn=PII,SENSITIVE; $.email=PII</c>, properties <c>owner=team-a, domain=payments</c>, sensitive field
/// names <c>ssn, email</c>.
/// </summary>
internal static class PolicyText
{
    public const string TagsFormat = "schema path = tags, entries separated by ';', e.g. $.ssn=PII,SENSITIVE; $.email=PII";
    public const string PropertiesFormat = "key=value pairs separated by ',' or ';', e.g. owner=team-a, domain=payments";

    /// <exception cref="FormatException">An entry without <c>=</c>, an empty path or no tag; the message names <c>tags</c>.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Tags(string? text)
    {
        var tags = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in Entries(text, ';'))
        {
            var (path, list) = Pair(entry, "tags", TagsFormat);
            var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0)
            {
                throw new FormatException($"tags: '{entry}' names no tag; give {TagsFormat}.");
            }

            tags[path] = [.. (tags.GetValueOrDefault(path) ?? []).Concat(names).Distinct(StringComparer.Ordinal)];
        }

        return tags;
    }

    /// <exception cref="FormatException">An entry without <c>=</c>, or a key the registry keeps for itself; the message names <c>properties</c>.</exception>
    public static IReadOnlyDictionary<string, string> Properties(string? text)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Entries(text, ';', ','))
        {
            var (key, value) = Pair(entry, "properties", PropertiesFormat);
            if (key.StartsWith(SchemaUpdate.Metadata.MetadataEdit.ReservedPrefix, StringComparison.Ordinal))
            {
                throw new FormatException($"properties: '{key}' is kept by the registry (keys starting with {SchemaUpdate.Metadata.MetadataEdit.ReservedPrefix}).");
            }

            properties[key] = value;
        }

        return properties;
    }

    public static IReadOnlyList<string> Names(string? text) =>
        [.. Entries(text, ',', ';').Distinct(StringComparer.Ordinal)];

    private static string[] Entries(string? text, params char[] separators) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static (string Key, string Value) Pair(string entry, string field, string format)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 0 ? entry[..equals].Trim() : "";
        if (key.Length == 0)
        {
            throw new FormatException($"{field}: '{entry}' is not allowed: give {format}.");
        }

        return (key, entry[(equals + 1)..].Trim());
    }
}
