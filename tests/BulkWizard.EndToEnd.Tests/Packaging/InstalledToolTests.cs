using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests.Packaging;

/// <summary>The server as a user gets it: the installed <c>bulkwizard</c> command, driven over stdio by a real MCP client.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class InstalledToolTests(InstalledTool tool)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InstalledCommand_AnswersInitializeAndListsTheToolsOfTheBuiltServer()
    {
        await using var harness = await WizardHarness.StartAsync();
        var settings = InstalledTool.Settings(harness.Settings);
        await using var installed = await ServerLauncher.ConnectToCommandAsync(tool.Command, [], settings, ProtocolRevisions.Pinned);
        await using var built = await ServerLauncher.ConnectAsync(harness.Settings, ProtocolRevisions.Pinned);

        var tools = (await installed.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var registry = (await installed.CallAsync("list_registries"))["registries"]!.AsArray().Single()!;

        Assert.Equal(ProtocolRevisions.Pinned, installed.NegotiatedProtocolVersion);
        Assert.Equal(("bulkwizard", tool.Version), (installed.ServerInfo!.Name, installed.ServerInfo.Version));
        Assert.Contains("start_bulk_wizard", tools);
        Assert.Equal((await built.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal), tools);
        Assert.Equal(("lab", harness.Sandbox.BaseAddress.ToString().TrimEnd('/')), (registry.Str("name"), registry.Str("url")));
    }

    [Fact]
    public async Task InstalledCommand_StdoutCarriesOnlyJsonRpc()
    {
        await using var server = RawServerProcess.StartCommand(tool.Command, [], InstalledTool.Settings());

        var initialize = await server.InitializeAsync("2025-06-18", Timeout);
        await server.SendAsync(RawServerProcess.Request(2, "tools/list", new JsonObject()));
        var list = await server.WaitForResponseAsync(2, Timeout);
        var exitCode = await server.CloseAndWaitAsync(Timeout);

        Assert.Equal(tool.Version, initialize["result"]!["serverInfo"]!.Str("version"));
        Assert.NotEmpty(list["result"]!["tools"]!.AsArray());
        Assert.Equal(0, exitCode);
        StdoutPurityTests.AssertAllJsonRpc(server.StdoutLines);
    }
}
