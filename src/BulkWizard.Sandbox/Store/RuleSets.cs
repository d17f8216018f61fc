using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// Data-contract rule sets ({"migrationRules", "domainRules", "encodingRules", "enableAt"}): merged
/// rule by rule name with the later rule winning, and validated as the Enterprise handler does (42210).
/// A rule set that is present but empty stays an empty object, not null: it changes the guid.
/// </summary>
internal static partial class RuleSets
{
    private const string EnableAt = "enableAt";

    private static readonly string[] Lists = ["migrationRules", "domainRules", "encodingRules"];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex RuleName();

    /// <summary>Empty lists dropped; null only when there is no object.</summary>
    public static JsonObject? Normalize(JsonNode? node)
    {
        if (node is not JsonObject source)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var list in Lists)
        {
            if (source[list] is JsonArray { Count: > 0 } rules)
            {
                result[list] = rules.DeepClone();
            }
        }

        if (source[EnableAt] is JsonValue enableAt)
        {
            result[EnableAt] = enableAt.DeepClone();
        }

        return result;
    }

    public static JsonObject? Merge(JsonObject? older, JsonObject? newer)
    {
        if (older is null || newer is null)
        {
            return Normalize(newer ?? older);
        }

        var result = new JsonObject();
        foreach (var list in Lists)
        {
            var incoming = (newer[list] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            var names = incoming.Select(NameOf).ToHashSet(StringComparer.Ordinal);
            var kept = (older[list] as JsonArray)?.OfType<JsonObject>().Where(r => !names.Contains(NameOf(r))) ?? [];
            result[list] = new JsonArray(kept.Concat(incoming).Select(r => (JsonNode?)r.DeepClone()).ToArray());
        }

        result[EnableAt] = (newer[EnableAt] ?? older[EnableAt])?.DeepClone();
        return Normalize(result);
    }

    /// <exception cref="RegistryException">42210 when a rule is malformed.</exception>
    public static void Validate(JsonObject? ruleSet)
    {
        if (ruleSet is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in Lists)
        {
            var allowedModes = list == "migrationRules" ? new[] { "UPGRADE", "DOWNGRADE", "UPDOWN" } : ["WRITE", "READ", "WRITEREAD"];
            foreach (var node in ruleSet[list] as JsonArray ?? [])
            {
                if (node is not JsonObject rule)
                {
                    throw RegistryErrors.InvalidRuleSet("Invalid rule: a rule is an object");
                }

                var name = NameOf(rule);
                if (!RuleName().IsMatch(name))
                {
                    throw RegistryErrors.InvalidRuleSet($"Invalid rule name: '{name}'");
                }

                if (!seen.Add(name))
                {
                    throw RegistryErrors.InvalidRuleSet($"Found rule with duplicate name '{name}'");
                }

                if (string.IsNullOrEmpty(Text(rule, "type")))
                {
                    throw RegistryErrors.InvalidRuleSet($"Missing rule type for rule '{name}'");
                }

                if (Text(rule, "kind") is { } kind && kind is not ("TRANSFORM" or "CONDITION"))
                {
                    throw RegistryErrors.InvalidRuleSet($"Invalid rule kind '{kind}' for rule '{name}'");
                }

                if (Text(rule, "mode") is { } mode && !allowedModes.Contains(mode))
                {
                    throw RegistryErrors.InvalidRuleSet($"Invalid mode '{mode}' for rule '{name}' in {list}");
                }
            }
        }
    }

    private static string NameOf(JsonObject rule) => Text(rule, "name") ?? string.Empty;

    private static string? Text(JsonObject rule, string member) =>
        rule[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
