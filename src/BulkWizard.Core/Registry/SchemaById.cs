using System.Text.Json.Nodes;

namespace BulkWizard.Core.Registry;

/// <summary>A schema read by its id. Subject and version are filled only by 8.0+ registries when a subject was given.</summary>
public sealed record SchemaById(
    int Id,
    string SchemaType,
    string Schema,
    IReadOnlyList<SchemaReference> References,
    JsonObject? Metadata,
    JsonObject? RuleSet,
    string? SchemaGuid,
    QualifiedSubject? Subject,
    int? Version);
