using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

public static class ToolResults
{
    /// <summary>Calls a tool and returns its structured result, failing with the tool's own error text when it reports one.</summary>
    public static async Task<JsonObject> CallAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.False(result.IsError == true, $"{tool} failed: {text}");
        return result.StructuredContent is { } structured
            ? JsonNode.Parse(structured.GetRawText())!.AsObject()
            : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Calls a tool that must fail and returns the error text the client sees.</summary>
    public static async Task<string> CallExpectingErrorAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        Assert.True(result.IsError == true, $"{tool} was expected to fail");
        return string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
    }

    public static int Number(this JsonNode node, string property) => node[property]!.GetValue<int>();

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static JsonElement AsElement(this JsonNode node) => JsonSerializer.SerializeToElement(node);
}
