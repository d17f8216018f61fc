using System.Text.Json.Nodes;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// A security policy as a Confluent-compatible registry can hold it: data-contract metadata (tags by schema path,
/// properties such as an owner, sensitive field names) and a rule set, merged into a scope's config as its defaults
/// (<c>defaultMetadata</c>, <c>defaultRuleSet</c>: under what a registration sends) or overrides (<c>overrideMetadata</c>,
/// <c>overrideRuleSet</c>: over it). Access control (RBAC, ACLs) is not part of the registry's REST API, so it is not here.
/// </summary>
internal sealed record SecurityPolicy(bool Override, JsonObject? Metadata, JsonObject? RuleSet)
{
    public string MetadataField => Override ? "overrideMetadata" : "defaultMetadata";

    public string RuleSetField => Override ? "overrideRuleSet" : "defaultRuleSet";

    /// <summary>The policy read from the answers; each text in the format its argument describes.</summary>
    /// <exception cref="FormatException">A text that does not read; the message names its argument and the format.</exception>
    public static SecurityPolicy Parse(string? target, string? tags, string? properties, string? sensitive, string? ruleSet)
    {
        var metadata = new JsonObject();
        if (PolicyText.Tags(tags) is { Count: > 0 } tagMap)
        {
            metadata[RegistryMetadata.Tags] = new JsonObject(tagMap.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)new JsonArray([.. t.Value.Select(v => (JsonNode?)v)]))));
        }

        if (PolicyText.Properties(properties) is { Count: > 0 } propertyMap)
        {
            metadata[RegistryMetadata.Properties] = new JsonObject(propertyMap.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (PolicyText.Names(sensitive) is { Count: > 0 } names)
        {
            metadata[RegistryMetadata.Sensitive] = new JsonArray([.. names.Select(n => (JsonNode?)n)]);
        }

        return new SecurityPolicy(
            target == ConfigurationKeys.OverrideTarget,
            RegistryMetadata.Normalize(metadata),
            string.IsNullOrWhiteSpace(ruleSet) ? null : RuleSetText.Parse(ruleSet));
    }

    public bool IsEmpty => Metadata is null && RuleSet is null;

    /// <summary>
    /// <paramref name="config"/> with this policy merged in as the registry merges a registration: properties and tags key by
    /// key (the policy's win), sensitive names united, rules by name; every other field kept.
    /// </summary>
    public JsonObject ApplyTo(JsonObject config)
    {
        var result = (JsonObject)config.DeepClone();
        if (Metadata is not null)
        {
            result[MetadataField] = RegistryMetadata.Merge(RegistryMetadata.Normalize(config[MetadataField]), Metadata);
        }

        if (RuleSet is not null)
        {
            result[RuleSetField] = RuleSetText.Merge(config[RuleSetField] as JsonObject, RuleSet);
        }

        return result;
    }

    /// <summary>The policy's part of a config, for previews, e.g. <c>defaultMetadata {…}; defaultRuleSet domainRules [encryptPII]</c>.</summary>
    public string Show(JsonObject? config)
    {
        var parts = new List<string>();
        if (Metadata is not null)
        {
            parts.Add($"{MetadataField} {RegistryMetadata.Show(RegistryMetadata.Normalize(config?[MetadataField]))}");
        }

        if (RuleSet is not null)
        {
            parts.Add($"{RuleSetField} {RuleSetText.Describe(config?[RuleSetField] as JsonObject)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>What the policy sets, for titles, e.g. <c>defaultMetadata tags $.ssn [PII], owner=team-a</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Metadata?[RegistryMetadata.Tags] is JsonObject tags)
        {
            parts.AddRange(tags.Select(t => $"tags {t.Key} [{string.Join(", ", t.Value!.AsArray().Select(v => v!.GetValue<string>()))}]"));
        }

        if (Metadata?[RegistryMetadata.Properties] is JsonObject properties)
        {
            parts.AddRange(properties.Select(p => $"{p.Key}={p.Value!.GetValue<string>()}"));
        }

        if (Metadata?[RegistryMetadata.Sensitive] is JsonArray sensitive)
        {
            parts.Add($"sensitive [{string.Join(", ", sensitive.Select(v => v!.GetValue<string>()))}]");
        }

        var metadata = parts.Count > 0 ? $"{MetadataField} {string.Join(", ", parts)}" : null;
        var rules = RuleSet is null ? null : $"{RuleSetField} {RuleSetText.Describe(RuleSet)}";
        return string.Join("; ", new[] { metadata, rules }.OfType<string>());
    }
}
