using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// What makes two versions the same schema to the registry: type, canonical text, references, metadata and rule set
/// (spec §3: identity is over all of them), compared as JSON.
/// </summary>
internal static class VersionIdentity
{
    public static JsonObject Of(SchemaVersion version, IReadOnlyList<SchemaReference> references) => new()
    {
        ["schemaType"] = version.SchemaType,
        ["schema"] = version.Schema,
        ["references"] = new JsonArray([.. references.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["subject"] = r.Subject, ["version"] = r.Version })]),
        ["metadata"] = version.Metadata?.DeepClone(),
        ["ruleSet"] = version.RuleSet?.DeepClone(),
    };

    public static bool Same(JsonObject a, JsonObject b) => JsonNode.DeepEquals(a, b);
}
