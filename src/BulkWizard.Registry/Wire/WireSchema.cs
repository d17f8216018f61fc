using System.Text.Json.Nodes;

namespace BulkWizard.Registry.Wire;

/// <summary>A schema as versions, <c>/schemas</c>, lookups and schema-by-id return it; members a release omits stay null.</summary>
internal sealed record WireSchema(
    string? Subject,
    int? Version,
    int? Id,
    string? Guid,
    string? SchemaType,
    string? Schema,
    IReadOnlyList<WireReference>? References,
    JsonObject? Metadata,
    JsonObject? RuleSet,
    long? Ts,
    bool? Deleted)
{
    /// <summary>Only in <c>GET /schemas?aliases=true</c> (an <c>ExtendedSchema</c>), and only on alias targets.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }
}
