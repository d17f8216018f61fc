using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// A data-contract rule set (<c>{"migrationRules", "domainRules", "encodingRules"}</c>) as given in <c>rule_set</c>: a
/// rule set object, or a list of rules taken as <c>domainRules</c>. Checked the way the Enterprise handler checks it
/// (names, types, modes), so a bad rule is refused by name before anything is planned; merged rule by rule name.
/// </summary>
internal static partial class RuleSetText
{
    public static IReadOnlyList<string> Lists { get; } = ["migrationRules", "domainRules", "encodingRules"];

    private const string EnableAt = "enableAt";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex RuleName();

    /// <summary>The rule set the text holds, with empty lists dropped.</summary>
    /// <exception cref="FormatException">Not JSON, not a rule set, or a rule the registry would refuse; the message names <c>rule_set</c>.</exception>
    public static JsonObject Parse(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"rule_set: not JSON ({e.Message}); give a rule set such as {{\"domainRules\": [{{\"name\": \"encryptPII\", \"kind\": \"TRANSFORM\", \"type\": \"ENCRYPT\", \"mode\": \"WRITEREAD\", \"tags\": [\"PII\"]}}]}}.");
        }

        var ruleSet = node switch
        {
            JsonArray rules => new JsonObject { ["domainRules"] = rules.DeepClone() },
            JsonObject set when set.Select(p => p.Key).All(k => Lists.Contains(k) || k == EnableAt) => (JsonObject)set.DeepClone(),
            JsonObject set => throw new FormatException(
                $"rule_set: '{set.Select(p => p.Key).First(k => !Lists.Contains(k) && k != EnableAt)}' is not part of a rule set; use {string.Join(", ", Lists)}."),
            _ => throw new FormatException("rule_set: give a JSON object with migrationRules, domainRules or encodingRules, or a list of domain rules."),
        };
        Validate(ruleSet);
        return Normalize(ruleSet) ?? throw new FormatException("rule_set: it holds no rule.");
    }

    /// <summary>The registry's merge: rules by name, the newer one winning; <c>enableAt</c> from the newer set when it has one.</summary>
    public static JsonObject? Merge(JsonObject? older, JsonObject newer)
    {
        if (older is null)
        {
            return Normalize(newer);
        }

        var result = new JsonObject();
        foreach (var list in Lists)
        {
            var incoming = (newer[list] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            var names = incoming.Select(NameOf).ToHashSet(StringComparer.Ordinal);
            var kept = (older[list] as JsonArray)?.OfType<JsonObject>().Where(r => !names.Contains(NameOf(r))) ?? [];
            result[list] = new JsonArray([.. kept.Concat(incoming).Select(r => (JsonNode?)r.DeepClone())]);
        }

        result[EnableAt] = (newer[EnableAt] ?? older[EnableAt])?.DeepClone();
        return Normalize(result);
    }

    /// <summary>Short text for previews: the rule names by list, e.g. <c>domainRules [encryptPII]</c>.</summary>
    public static string Describe(JsonObject? ruleSet) =>
        ruleSet is null
            ? "(none)"
            : string.Join(", ", Lists.Where(l => ruleSet[l] is JsonArray { Count: > 0 }).Select(l => $"{l} [{string.Join(", ", ((JsonArray)ruleSet[l]!).OfType<JsonObject>().Select(NameOf))}]"));

    private static JsonObject? Normalize(JsonObject source)
    {
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

        return result.Count == 0 ? null : result;
    }

    private static void Validate(JsonObject ruleSet)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in Lists)
        {
            if (ruleSet[list] is not (null or JsonArray))
            {
                throw new FormatException($"rule_set: {list} must be a list of rules.");
            }

            var modes = list == "migrationRules" ? new[] { "UPGRADE", "DOWNGRADE", "UPDOWN" } : ["WRITE", "READ", "WRITEREAD"];
            foreach (var node in ruleSet[list] as JsonArray ?? [])
            {
                if (node is not JsonObject rule)
                {
                    throw new FormatException($"rule_set: each rule of {list} is an object with name and type.");
                }

                var name = NameOf(rule);
                if (!RuleName().IsMatch(name))
                {
                    throw new FormatException($"rule_set: rule name '{name}' is not allowed: letters, digits, _ and -, not starting with a digit or -.");
                }

                if (!seen.Add(name))
                {
                    throw new FormatException($"rule_set: rule name '{name}' is given twice.");
                }

                if (rule["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>().Length == 0)
                {
                    throw new FormatException($"rule_set: rule '{name}' has no type (e.g. ENCRYPT, CEL, CEL_FIELD).");
                }

                if (rule["mode"] is JsonValue mode && mode.GetValueKind() == JsonValueKind.String && !modes.Contains(mode.GetValue<string>()))
                {
                    throw new FormatException(Operations.OperationArguments.NotAllowed($"rule_set: mode of rule '{name}'", mode.GetValue<string>(), modes));
                }
            }
        }
    }

    private static string NameOf(JsonObject rule) =>
        rule["name"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
