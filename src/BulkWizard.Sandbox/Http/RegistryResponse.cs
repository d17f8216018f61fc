using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Http;

/// <summary>What a handler answers: a JSON body, a bare text body (the <c>/schema</c> endpoints) or nothing.</summary>
internal sealed record RegistryResponse(int Status, JsonNode? Json, string? Text)
{
    public static RegistryResponse Ok(JsonNode? json) => new(200, json, null);

    public static RegistryResponse PlainText(string text) => new(200, null, text);

    public static RegistryResponse NoContent { get; } = new(204, null, null);
}
