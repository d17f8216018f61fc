using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>Stdout carries only JSON-RPC, whatever the client's protocol revision.</summary>
public sealed class StdoutPurityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task InitializeHandshake_EveryStdoutLineIsJsonRpc(string protocolVersion)
    {
        await using var server = RawServerProcess.Start();

        var initialize = await server.InitializeAsync(protocolVersion, Timeout);
        await server.SendAsync(RawServerProcess.Request(2, "tools/list", new JsonObject()));
        await server.WaitForResponseAsync(2, Timeout);
        await server.SendAsync(RawServerProcess.Request(3, "tools/call", new JsonObject { ["name"] = "get_registry_inventory", ["arguments"] = new JsonObject() }));
        var inventory = await server.WaitForResponseAsync(3, Timeout);
        var exitCode = await server.CloseAndWaitAsync(Timeout);

        Assert.Equal(protocolVersion, initialize["result"]?["protocolVersion"]?.GetValue<string>());
        Assert.Null(inventory["error"]);
        Assert.Equal(0, exitCode);
        AssertAllJsonRpc(server.StdoutLines);
        Assert.Contains("embedded Sandbox", server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolRefusal_ReachesTheClient_WithoutAStackTraceOnStderr()
    {
        await using var server = RawServerProcess.Start();

        await server.InitializeAsync("2025-11-25", Timeout);
        await server.SendAsync(RawServerProcess.Request(2, "tools/call", new JsonObject
        {
            ["name"] = "bulk_schema_cleanup", ["arguments"] = new JsonObject { ["cleanup_type"] = "purge" },
        }));
        var refused = await server.WaitForResponseAsync(2, Timeout);
        await server.CloseAndWaitAsync(Timeout);

        Assert.True(refused["result"]!["isError"]!.GetValue<bool>());
        Assert.Contains("cleanup_type: 'purge' is not allowed", refused["result"]!["content"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("cleanup_type: 'purge'", server.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerDiscover_EveryStdoutLineIsJsonRpc()
    {
        await using var server = RawServerProcess.Start();

        await server.SendAsync(RawServerProcess.Request(1, "server/discover", new JsonObject()));
        var discover = await server.WaitForResponseAsync(1, Timeout);
        var exitCode = await server.CloseAndWaitAsync(Timeout);

        Assert.NotNull(discover["result"] ?? discover["error"]);
        Assert.Equal(0, exitCode);
        AssertAllJsonRpc(server.StdoutLines);
    }

    internal static void AssertAllJsonRpc(IReadOnlyList<string> lines)
    {
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            JsonNode? message;
            try
            {
                message = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                message = null;
            }

            Assert.True(message is JsonObject { } o && o["jsonrpc"]?.GetValue<string>() == "2.0", $"not JSON-RPC on stdout: {line}");
        }
    }
}
