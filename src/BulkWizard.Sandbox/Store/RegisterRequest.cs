using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>The body of register, lookup and compatibility calls (RegisterSchemaRequest); unknown members are ignored.</summary>
internal sealed record RegisterRequest(
    string? Schema,
    string? SchemaType,
    IReadOnlyList<SchemaReference> References,
    JsonObject? Metadata,
    JsonObject? RuleSet,
    int? Id,
    int? Version)
{
    /// <summary>
    /// The request carried a metadata object, even an empty one. Only a request without one inherits the previous
    /// version's metadata (the registry tests for null), so an explicit <c>{}</c> registers a version with empty
    /// metadata: no properties, but a different schema (and guid) from one without metadata.
    /// </summary>
    public bool MetadataGiven { get; init; }

    /// <exception cref="RegistryException">422 when a member has the wrong JSON type.</exception>
    public static RegisterRequest From(JsonObject body)
    {
        try
        {
            var references = (body["references"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(r => new SchemaReference(
                    r["name"]?.GetValue<string>() ?? string.Empty,
                    r["subject"]?.GetValue<string>() ?? string.Empty,
                    r["version"]?.GetValue<int>() ?? -1))
                .ToList();
            return new RegisterRequest(
                body["schema"]?.GetValue<string>(),
                body["schemaType"]?.GetValue<string>(),
                references,
                Store.Metadata.Normalize(body["metadata"]),
                RuleSets.Normalize(body["ruleSet"]),
                body["id"]?.GetValue<int>(),
                body["version"]?.GetValue<int>())
            {
                MetadataGiven = body["metadata"] is JsonObject,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            throw RegistryErrors.Unprocessable($"Unrecognized field value in request body: {ex.Message}");
        }
    }

    /// <summary>An id counts only when it is not negative, as in the registry.</summary>
    public bool HasId => Id is >= 0;

    public bool HasExplicitVersion => Version is > 0;
}
