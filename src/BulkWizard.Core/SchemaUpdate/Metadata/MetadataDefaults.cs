using System.Text.Json.Nodes;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// The <c>defaultMetadata</c> and <c>overrideMetadata</c> a registration to a subject gets, from the one config in effect
/// for it (spec §7: the subject's own config alone when it has one, else its context's, else <c>:.__GLOBAL:</c>).
/// </summary>
/// <param name="Source">The config they come from, as previews name it: <c>subject config</c>, <c>global config</c>, <c>context .ctx config</c>, <c>all-contexts config</c>.</param>
internal sealed record MetadataDefaults(JsonObject? Default, JsonObject? Override, string Source)
{
    public static MetadataDefaults None { get; } = new(null, null, "no config");

    public static MetadataDefaults From(JsonObject? config, string source) =>
        config is null ? None : new(RegistryMetadata.Normalize(config["defaultMetadata"]), RegistryMetadata.Normalize(config["overrideMetadata"]), source);

    public bool IsEmpty => Default is null && Override is null;

    /// <summary>Which of the two sets a property, for "not removable" reasons; null when neither does.</summary>
    public string? SourceOfProperty(string key) =>
        RegistryMetadata.Property(Override, key) is not null ? $"overrideMetadata of the {Source}"
        : RegistryMetadata.Property(Default, key) is not null ? $"defaultMetadata of the {Source}"
        : null;

    /// <summary>Which of the two sets tags on a schema path; null when neither does.</summary>
    public string? SourceOfTags(string path) =>
        RegistryMetadata.TagsOf(Override, path).Count > 0 ? $"overrideMetadata of the {Source}"
        : RegistryMetadata.TagsOf(Default, path).Count > 0 ? $"defaultMetadata of the {Source}"
        : null;
}
