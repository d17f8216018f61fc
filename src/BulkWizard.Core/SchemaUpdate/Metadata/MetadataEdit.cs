using System.Text.Json.Nodes;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// What to change in a schema's metadata: properties to add or change and to remove; tags (a map from schema path to
/// tag names) to add to a path, to replace for a path, and paths to clear. Everything else is kept as it is.
/// <see cref="Validate"/> names the first bad field.
/// </summary>
internal sealed record MetadataEdit
{
    /// <summary>Keys starting with this belong to the registry (e.g. <c>confluent:version</c>).</summary>
    public const string ReservedPrefix = "confluent:";

    /// <summary>Properties to add, or to change when the key exists.</summary>
    public IReadOnlyDictionary<string, string> SetProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Property keys to remove.</summary>
    public IReadOnlyList<string> RemoveProperties { get; init; } = [];

    /// <summary>Tags added to a schema path's list; tags it already has stay.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AddTags { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Tag lists that replace a schema path's list.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SetTags { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Schema paths whose tags are removed.</summary>
    public IReadOnlyList<string> RemoveTags { get; init; } = [];

    private IEnumerable<string> PropertyKeys => SetProperties.Keys.Concat(RemoveProperties).Distinct(StringComparer.Ordinal);

    private IEnumerable<string> TagPaths => AddTags.Keys.Concat(SetTags.Keys).Concat(RemoveTags).Distinct(StringComparer.Ordinal);

    /// <summary>The first problem, naming the field; null when the edit is valid.</summary>
    public string? Validate() => MetadataEditValidation.FirstProblem(this);

    /// <summary>The metadata with this edit applied, in the registry's shape.</summary>
    public JsonObject? ApplyTo(JsonObject? metadata)
    {
        var result = RegistryMetadata.Normalize(metadata) ?? [];
        var properties = result[RegistryMetadata.Properties] as JsonObject ?? [];
        result[RegistryMetadata.Properties] = properties;
        foreach (var (key, value) in SetProperties)
        {
            properties[key] = value;
        }

        foreach (var key in RemoveProperties)
        {
            properties.Remove(key);
        }

        var tags = result[RegistryMetadata.Tags] as JsonObject ?? [];
        result[RegistryMetadata.Tags] = tags;
        foreach (var (path, added) in AddTags)
        {
            tags[path] = Array(RegistryMetadata.TagsOf(metadata, path).Concat(added));
        }

        foreach (var (path, list) in SetTags)
        {
            tags[path] = Array(list);
        }

        foreach (var path in RemoveTags)
        {
            tags.Remove(path);
        }

        return RegistryMetadata.Normalize(result);
    }

    /// <summary>
    /// The parts of this edit that <paramref name="registered"/> (what the registry would store after merging in the
    /// config's defaults and overrides) does not carry out, with the config that prevents each; empty when all hold.
    /// </summary>
    public IReadOnlyList<string> Defeated(JsonObject? asked, JsonObject? registered, MetadataDefaults defaults)
    {
        var defeated = new List<string>();
        foreach (var key in PropertyKeys)
        {
            var want = RegistryMetadata.Property(asked, key);
            var get = RegistryMetadata.Property(registered, key);
            if (want != get)
            {
                var source = defaults.SourceOfProperty(key) ?? "the registry";
                defeated.Add(want is null ? $"{key} (not removable: set by {source})" : $"{key}={want} (not changeable: stays {get} by {source})");
            }
        }

        foreach (var path in TagPaths)
        {
            var want = RegistryMetadata.TagsOf(asked, path);
            var get = RegistryMetadata.TagsOf(registered, path);
            if (!want.SequenceEqual(get, StringComparer.Ordinal))
            {
                var source = defaults.SourceOfTags(path) ?? "the registry";
                defeated.Add(want.Count == 0
                    ? $"tags of {path} (not removable: set by {source})"
                    : $"tags of {path} = [{string.Join(", ", want)}] (not changeable: stays [{string.Join(", ", get)}] by {source})");
            }
        }

        return defeated;
    }

    /// <summary>Short text for titles and previews, e.g. <c>owner=team-a, remove legacy, tags $.f0 + [PII]</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        parts.AddRange(SetProperties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        parts.AddRange(RemoveProperties.Select(k => $"remove {k}"));
        parts.AddRange(AddTags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"tags {t.Key} + [{string.Join(", ", t.Value)}]"));
        parts.AddRange(SetTags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"tags {t.Key} = [{string.Join(", ", t.Value)}]"));
        parts.AddRange(RemoveTags.Select(p => $"remove tags {p}"));
        return string.Join(", ", parts);
    }

    private static JsonArray Array(IEnumerable<string> values) =>
        new([.. values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))]);
}
