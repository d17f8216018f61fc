using System.Text.Json.Nodes;

namespace BulkWizard.Registry.Wire;

/// <summary>Body of register and lookup; null members are left out.</summary>
internal sealed record WireRegisterRequest(
    string Schema,
    string? SchemaType,
    IReadOnlyList<WireReference>? References,
    JsonObject? Metadata,
    JsonObject? RuleSet,
    int? Id,
    int? Version);
