using System.Text.Json.Serialization;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>What can differ between a source version and its target counterpart, in the order they are reported.</summary>
public enum Difference
{
    /// <summary>The registry's canonical text, or the schema type.</summary>
    Schema,

    /// <summary>The schema id. Ids are per context, so across contexts this says only that the id was not preserved.</summary>
    Id,

    /// <summary>The references' names, subjects or versions; a subject in the version's own context counts as the same subject on both sides.</summary>
    References,

    Metadata,

    RuleSet,

    /// <summary>The content hash; compared only when both registries report it (8.0+) and the references are written alike (it hashes them as written).</summary>
    [JsonStringEnumMemberName("guid")]
    SchemaGuid,

    /// <summary>The soft-deleted flag; compared only when both registries report it (8.0+).</summary>
    Deleted,

    /// <summary>The source version's schema is in the target subject under another version number.</summary>
    Version,
}
