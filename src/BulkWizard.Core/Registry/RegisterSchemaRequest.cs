using System.Text.Json.Nodes;

namespace BulkWizard.Core.Registry;

/// <summary>A schema to register under a subject, or to look up.</summary>
/// <param name="SchemaType">Null sends no type, which the registry reads as Avro.</param>
/// <param name="Id">Only in IMPORT mode: the id to keep. A registry refuses an id outside IMPORT (42205).</param>
/// <param name="Version">The version to keep; outside IMPORT it must be the next version.</param>
/// <param name="Normalize">Asks the registry to normalize the schema before storing or matching it.</param>
public sealed record RegisterSchemaRequest(
    string Schema,
    string? SchemaType = null,
    IReadOnlyList<SchemaReference>? References = null,
    JsonObject? Metadata = null,
    JsonObject? RuleSet = null,
    int? Id = null,
    int? Version = null,
    bool Normalize = false)
{
    /// <summary>Re-registers a backed-up version exactly as it was: same id, version, type, references, metadata and rule set (IMPORT mode).</summary>
    public static RegisterSchemaRequest ImportOf(SchemaVersion version) =>
        new(version.Schema, version.SchemaType, version.References, version.Metadata, version.RuleSet, version.Id, version.Version);
}
