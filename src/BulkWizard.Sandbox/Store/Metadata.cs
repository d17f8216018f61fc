using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// Schema metadata ({"tags", "properties", "sensitive"}) in the registry's shape: sorted maps and
/// sets (so equal metadata has one text, which matters because metadata is part of identity),
/// empty members dropped, merged key by key with the later value winning. Metadata that is present
/// but empty stays an empty object, not null: the registry keeps it and it changes the guid.
/// </summary>
internal static class Metadata
{
    /// <summary>Sorted, de-duplicated, empty members removed; null only when there is no object.</summary>
    public static JsonObject? Normalize(JsonNode? node)
    {
        if (node is not JsonObject source)
        {
            return null;
        }

        var tags = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (source["tags"] is JsonObject tagMap)
        {
            foreach (var (path, values) in tagMap)
            {
                tags[path] = new SortedSet<string>(Strings(values), StringComparer.Ordinal);
            }
        }

        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (source["properties"] is JsonObject propertyMap)
        {
            foreach (var (key, value) in propertyMap)
            {
                properties[key] = Text(value);
            }
        }

        return Build(tags, properties, new SortedSet<string>(Strings(source["sensitive"]), StringComparer.Ordinal));
    }

    /// <summary>Merge of Metadata.mergeMetadata: tags and properties key by key, sensitive united.</summary>
    public static JsonObject? Merge(JsonObject? older, JsonObject? newer)
    {
        if (older is null || newer is null)
        {
            return Normalize(newer ?? older);
        }

        var merged = (JsonObject)older.DeepClone();
        foreach (var member in new[] { "tags", "properties" })
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

        var sensitive = Strings(older["sensitive"]).Concat(Strings(newer["sensitive"]));
        merged["sensitive"] = new JsonArray(sensitive.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        return Normalize(merged);
    }

    public static JsonObject? WithProperty(JsonObject? metadata, string key, string value)
    {
        var result = metadata is null ? [] : (JsonObject)metadata.DeepClone();
        var properties = result["properties"] as JsonObject ?? [];
        result["properties"] = properties;
        properties[key] = value;
        return Normalize(result);
    }

    public static string? Property(JsonObject? metadata, string key) =>
        metadata?["properties"]?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Build(
        SortedDictionary<string, SortedSet<string>> tags, SortedDictionary<string, string> properties, SortedSet<string> sensitive)
    {
        var result = new JsonObject();
        if (tags.Count > 0)
        {
            // A path with no tag is kept: the registry keeps it, and hashes the path.
            result["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)Array(t.Value))));
        }

        if (properties.Count > 0)
        {
            result["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        }

        if (sensitive.Count > 0)
        {
            result["sensitive"] = Array(sensitive);
        }

        return result;
    }

    private static JsonArray Array(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Where(v => v is not null).Select(Text) : [];

    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
}
