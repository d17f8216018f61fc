using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// Schema metadata (<c>{"tags", "properties", "sensitive"}</c>) in the shape the registry stores and returns: maps and
/// sets sorted, empty members dropped, null when nothing is left. Metadata is part of a schema's identity, so plans
/// compare it in this one shape, and merge it the way a registration does.
/// </summary>
internal static class RegistryMetadata
{
    public const string Tags = "tags";
    public const string Properties = "properties";
    public const string Sensitive = "sensitive";

    /// <summary>Sorted, de-duplicated, empty members removed; null when nothing is left.</summary>
    public static JsonObject? Normalize(JsonNode? node)
    {
        if (node is not JsonObject source)
        {
            return null;
        }

        var result = new JsonObject();
        var tags = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (path, values) in source[Tags] as JsonObject ?? [])
        {
            var set = new SortedSet<string>(Strings(values), StringComparer.Ordinal);
            if (set.Count > 0)
            {
                tags[path] = set;
            }
        }

        if (tags.Count > 0)
        {
            result[Tags] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)Array(t.Value))));
        }

        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in source[Properties] as JsonObject ?? [])
        {
            properties[key] = Text(value);
        }

        if (properties.Count > 0)
        {
            result[Properties] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        }

        var sensitive = new SortedSet<string>(Strings(source[Sensitive]), StringComparer.Ordinal);
        if (sensitive.Count > 0)
        {
            result[Sensitive] = Array(sensitive);
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>
    /// The registry's merge (spec §9): tags and properties key by key with <paramref name="newer"/> winning,
    /// sensitive united. A registration outside IMPORT stores <c>Merge(Merge(defaultMetadata, specific), overrideMetadata)</c>.
    /// </summary>
    public static JsonObject? Merge(JsonObject? older, JsonObject? newer)
    {
        if (older is null || newer is null)
        {
            return Normalize(newer ?? older);
        }

        var merged = (JsonObject)older.DeepClone();
        foreach (var member in new[] { Tags, Properties })
        {
            if (newer[member] is JsonObject map)
            {
                var target = merged[member] as JsonObject ?? [];
                merged[member] = target;
                foreach (var (key, value) in map)
                {
                    target[key] = value?.DeepClone();
                }
            }
        }

        merged[Sensitive] = Array(Strings(older[Sensitive]).Concat(Strings(newer[Sensitive])));
        return Normalize(merged);
    }

    /// <summary>What a registration stores when it sends <paramref name="specific"/> under these defaults.</summary>
    public static JsonObject? Registered(JsonObject? specific, MetadataDefaults defaults) =>
        Merge(Merge(defaults.Default, specific), defaults.Override);

    /// <summary>The value of a property, or null.</summary>
    public static string? Property(JsonObject? metadata, string key) =>
        metadata?[Properties] is JsonObject map && map.TryGetPropertyValue(key, out var value) ? Text(value) : null;

    /// <summary>The tags of a schema path, sorted; empty when none.</summary>
    public static IReadOnlyList<string> TagsOf(JsonObject? metadata, string path) =>
        metadata?[Tags] is JsonObject map && map.TryGetPropertyValue(path, out var value) ? [.. Strings(value).Order(StringComparer.Ordinal)] : [];

    /// <summary>Compact JSON, or <c>(none)</c>.</summary>
    public static string Show(JsonObject? metadata) => metadata?.ToJsonString() ?? "(none)";

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Where(v => v is not null).Select(Text) : [];

    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
}
