using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>The check every end-to-end tool result goes through refuses what a TypeScript-SDK client refuses, so it cannot pass silently.</summary>
public sealed class ToolResultCheckTests
{
    private static readonly OutputSchemas Schemas = new(new Dictionary<string, JsonElement>
    {
        ["list_things"] = JsonSerializer.SerializeToElement(JsonNode.Parse("""
            {
              "type": "object",
              "properties": {
                "registries": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": { "name": { "type": "string" }, "error": { "type": ["string", "null"] } },
                    "required": ["name", "error"]
                  }
                },
                "created_at": { "type": "string", "format": "date-time" }
              },
              "required": ["registries"]
            }
            """)),
    });

    private static JsonObject Result(string structuredContent, bool isError = false) => new()
    {
        ["content"] = new JsonArray(),
        ["structuredContent"] = JsonNode.Parse(structuredContent),
        ["isError"] = isError,
    };

    [Fact]
    public void Inspect_RequiredPropertyMissing_InvalidParamsNamingThePathAndProperty()
    {
        var refused = ToolResultCheck.Inspect(Schemas, "list_things", Result("""{"registries": [{"name": "lab"}]}"""));

        Assert.NotNull(refused);
        Assert.Equal(ToolResultCheck.InvalidParams, refused.Code);
        Assert.StartsWith("Structured content does not match the tool's output schema: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("data/registries/0 required", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"error\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_NullWhereTheSchemaAllowsNull_Accepted()
    {
        Assert.Null(ToolResultCheck.Inspect(Schemas, "list_things", Result("""{"registries": [{"name": "lab", "error": null}], "created_at": "2026-11-26T13:30:00.1234567+00:00"}""")));
    }

    [Fact]
    public void Inspect_DateTimeThatIsNot_Refused()
    {
        var refused = ToolResultCheck.Inspect(Schemas, "list_things", Result("""{"registries": [], "created_at": "yesterday"}"""));

        Assert.Contains("data/created_at format", refused?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_NoStructuredContent_RefusedUnlessTheResultIsAnError()
    {
        var success = new JsonObject { ["content"] = new JsonArray() };
        var error = new JsonObject { ["content"] = new JsonArray(), ["isError"] = true };

        var refused = ToolResultCheck.Inspect(Schemas, "list_things", success);

        Assert.Equal((ToolResultCheck.InvalidRequest, "Tool list_things has an output schema but did not return structured content"), (refused?.Code, refused?.Message));
        Assert.Null(ToolResultCheck.Inspect(Schemas, "list_things", error));
    }

    [Fact]
    public async Task Transport_RefusedToolResult_ReachesTheClientAsJsonRpcError()
    {
        var server = new ScriptedTransport();
        await using var transport = new ValidatingTransport(server, Task.FromResult(Schemas));
        var call = new JsonRpcRequest { Id = new RequestId(7), Method = RequestMethods.ToolsCall, Params = new JsonObject { ["name"] = "list_things" } };

        await transport.SendMessageAsync(call);
        await server.DeliverAsync(new JsonRpcResponse { Id = new RequestId(7), Result = Result("""{"registries": [{"name": "lab"}]}""") });
        var received = await transport.MessageReader.ReadAsync();

        Assert.Same(call, Assert.Single(server.Sent));
        var error = Assert.IsType<JsonRpcError>(received);
        Assert.Equal((new RequestId(7), ToolResultCheck.InvalidParams), (error.Id, error.Error.Code));
        Assert.Contains("data/registries/0", error.Error.Message, StringComparison.Ordinal);
    }
}
