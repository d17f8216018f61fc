using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// The plan review page as an MCP App (SEP-1865) through a real stdio client: the <c>io.modelcontextprotocol/ui</c>
/// extension negotiated, the <c>ui://bulkwizard/plan</c> resource, and the <c>_meta.ui.resourceUri</c> of every tool
/// whose result holds a plan.
/// </summary>
public sealed class PlanReviewAppTests(SharedServer server) : IClassFixture<SharedServer>
{
    private const string Extension = "io.modelcontextprotocol/ui";
    private const string PageUri = "ui://bulkwizard/plan";
    private const string MimeType = "text/html;profile=mcp-app";

    private static readonly string[] PlanTools =
    [
        "start_bulk_wizard", "bulk_wizard_answer", "bulk_schema_update", "bulk_schema_cleanup", "bulk_schema_migration", "bulk_configuration_update",
        "confirm_bulk_operation", "get_bulk_plan", "restore_backup", "recover_operation", "undo_task", "export_plan",
    ];

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task ClientOffersUi_ServerDeclaresItAndServesThePageWithItsMimeType(string? protocol)
    {
        await using var client = await ConnectAsync(protocol, offersUi: true);

        var declared = Extensions(client)?[Extension];
        var resources = await client.ListResourcesAsync();
        var read = await client.ReadResourceAsync(PageUri);

        Assert.Equal(MimeType, declared?["mimeTypes"]?[0]?.GetValue<string>());
        var listed = resources.Single(r => r.Uri == PageUri);
        Assert.Equal(MimeType, listed.MimeType);
        var page = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal((PageUri, MimeType), (page.Uri, page.MimeType));
        Assert.StartsWith("<!DOCTYPE html>", page.Text, StringComparison.Ordinal);
        Assert.Contains("ui/initialize", page.Text, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", page.Text, StringComparison.Ordinal);
        Assert.Equal(new JsonObject(), page.Meta?["ui"]?["csp"]);
    }

    [Fact]
    public async Task ClientWithoutUi_ServerDoesNotDeclareIt()
    {
        await using var client = await ConnectAsync(ProtocolRevisions.Pinned, offersUi: false);

        Assert.Null(Extensions(client)?[Extension]);
    }

    [Fact]
    public async Task ToolsList_EveryToolThatReturnsAPlanNamesThePage_OthersDoNot()
    {
        var tools = await server.Client.ListToolsAsync();

        var withPage = tools.Where(t => t.ProtocolTool.Meta?["ui"]?["resourceUri"]?.GetValue<string>() == PageUri).Select(t => t.Name);
        Assert.Equal(PlanTools.Order(StringComparer.Ordinal), withPage.Order(StringComparer.Ordinal));
        Assert.All(tools.Where(t => !PlanTools.Contains(t.Name)), t => Assert.Null(t.ProtocolTool.Meta?["ui"]));
    }

    [Fact]
    public async Task PlanningToolWithAppsClient_ResultIsCompleteWithoutThePage()
    {
        await using var client = await ConnectAsync(ProtocolRevisions.Pinned, offersUi: true, server.Settings);

        var result = await client.CallToolAsync("bulk_schema_update", new Dictionary<string, object?> { ["pattern"] = "test-*", ["compatibility"] = "FULL" });

        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        var plan = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!["plan"]!;
        Assert.Contains(plan.Str("plan_id"), text, StringComparison.Ordinal);
        Assert.Contains(plan.Str("preview"), JsonNode.Parse(text)!["plan"]!.Str("preview"), StringComparison.Ordinal);
    }

    private static JsonNode? Extensions(McpClient client) =>
        JsonSerializer.SerializeToNode(client.ServerCapabilities, McpJsonUtilities.DefaultOptions)?["extensions"];

    private async Task<McpClient> ConnectAsync(string? protocol, bool offersUi, Dictionary<string, string>? settings = null)
    {
        var capabilities = new ClientCapabilities();
        if (offersUi)
        {
            capabilities.Extensions = new Dictionary<string, object> { [Extension] = new JsonObject { ["mimeTypes"] = new JsonArray(MimeType) } };
        }

        var transport = new ValidatingClientTransport(
            new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "bulkwizard",
                Command = "dotnet",
                Arguments = [ServerLauncher.ServerDll],
                EnvironmentVariables = ServerLauncher.IsolatedEnvironment(settings ?? server.Settings),
            }),
            protocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocol, Capabilities = capabilities }, cancellationToken: timeout.Token);
    }
}
