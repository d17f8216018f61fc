using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// Reads a rules file: <c>{"compatibility": {"at_least": "BACKWARD"}, "normalize": true, "validate_fields": true,
/// "required_properties": ["owner"]}</c>. Every member is optional (left out: not judged); an unknown member is refused
/// by name, so a misspelt rule never passes silently as "not judged".
/// </summary>
internal static class ComplianceRulesFile
{
    private const string AtLeast = "at_least";
    private static readonly string[] Members = ["compatibility", "normalize", "validate_fields", "required_properties"];
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ComplianceRules Read(string path)
    {
        var full = Path.GetFullPath(DataDirectory.ExpandHome(path));
        var root = Parse(full);
        if (root.FirstOrDefault(m => !Members.Contains(m.Key)) is { Key: { } unknown })
        {
            throw new ComplianceRulesException(full, unknown, $"unknown rule; the rules are {string.Join(", ", Members)}.");
        }

        return new ComplianceRules
        {
            Source = full,
            CompatibilityAtLeast = Floor(full, root["compatibility"]),
            Normalize = Flag(full, root, "normalize"),
            ValidateFields = Flag(full, root, "validate_fields"),
            RequiredProperties = Properties(full, root["required_properties"]),
        };
    }

    private static JsonObject Parse(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ComplianceRulesException(path, null, e is FileNotFoundException or DirectoryNotFoundException ? "not found." : $"cannot be read: {e.Message}", e);
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: Reading) as JsonObject
                ?? throw new ComplianceRulesException(path, null, "must hold one JSON object, e.g. {\"compatibility\": {\"at_least\": \"BACKWARD\"}}.");
        }
        catch (JsonException e)
        {
            throw new ComplianceRulesException(path, null, $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).", e);
        }
    }

    private static string? Floor(string path, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        const string field = "compatibility";
        if (node is not JsonObject rule)
        {
            throw new ComplianceRulesException(path, field, $"must be an object with one member, {AtLeast}, e.g. {{\"{AtLeast}\": \"BACKWARD\"}}.");
        }

        if (rule.FirstOrDefault(m => m.Key != AtLeast) is { Key: { } other })
        {
            throw new ComplianceRulesException(path, $"{field}.{other}", $"unknown member; the only one is {AtLeast}.");
        }

        var levels = string.Join(", ", Enum.GetValues<CompatibilityLevel>().Select(l => l.Format()));
        return rule[AtLeast] is JsonValue value && value.TryGetValue<string>(out var text) && CompatibilityLevels.TryParse(text, out var level)
            ? level.Format()
            : throw new ComplianceRulesException(path, $"{field}.{AtLeast}", $"{rule[AtLeast]?.ToJsonString() ?? "missing"} is not a compatibility level; give one of {levels}.");
    }

    private static bool Flag(string path, JsonObject root, string field) => root[field] switch
    {
        null => false,
        JsonValue value when value.TryGetValue<bool>(out var on) => on,
        var other => throw new ComplianceRulesException(path, field, $"{other.ToJsonString()} is not true or false."),
    };

    private static List<string> Properties(string path, JsonNode? node)
    {
        const string field = "required_properties";
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new ComplianceRulesException(path, field, "must be a list of property keys, e.g. [\"owner\", \"team\"].");
        }

        var keys = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var key) || string.IsNullOrWhiteSpace(key))
            {
                throw new ComplianceRulesException(path, $"{field}[{i}]", $"{array[i]?.ToJsonString() ?? "null"} is not a property key; give a non-empty string.");
            }

            if (keys.Contains(key, StringComparer.Ordinal))
            {
                throw new ComplianceRulesException(path, $"{field}[{i}]", $"'{key}' is listed twice.");
            }

            keys.Add(key);
        }

        return keys;
    }
}
