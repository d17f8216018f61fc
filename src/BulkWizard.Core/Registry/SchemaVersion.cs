using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BulkWizard.Core.Registry;

/// <summary>One version of a subject as the registry returns it.</summary>
/// <param name="Schema">The registry's canonical text, not necessarily the text that was submitted.</param>
/// <param name="SchemaType">Avro when the registry omitted it (releases before 8.0 do).</param>
/// <param name="SchemaGuid">Content hash as a UUID; 8.0 and later only.</param>
/// <param name="Timestamp">Registration time in Unix milliseconds; 8.0 and later only.</param>
/// <param name="Deleted">
/// True for a soft-deleted version. Null when the version was read with deleted versions included
/// and the registry (before 8.0) did not say.
/// </param>
public sealed record SchemaVersion(
    QualifiedSubject Subject,
    int Version,
    int Id,
    string SchemaType,
    string Schema,
    IReadOnlyList<SchemaReference> References,
    JsonObject? Metadata,
    JsonObject? RuleSet,
    string? SchemaGuid,
    long? Timestamp,
    bool? Deleted)
{
    /// <summary>
    /// The subjects whose config names this version's subject as their alias, in the registry's order; only from
    /// a listing with <see cref="SchemaQuery.IncludeAliases"/>, and null when there are none. Kept out of stored
    /// JSON when null, so backups read before it existed and written without it look the same.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<QualifiedSubject>? Aliases { get; init; }
}
