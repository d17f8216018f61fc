using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary><c>resources/list</c> in pages of 100 with an opaque cursor, through a real client over stdio.</summary>
public sealed class ResourcePagingTests(ResourcePagingTests.Server server) : IClassFixture<ResourcePagingTests.Server>
{
    private McpClient Client => server.Client;

    [Fact]
    public async Task EveryPlanListedOnceAcrossPages_APlanMadeBetweenPagesNeitherRepeatsNorShiftsThem_TheSdkFollowsTheCursor()
    {
        var first = await Client.ListResourcesAsync(new ListResourcesRequestParams());
        var made = (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = "orders-*", ["compatibility"] = "FULL" }))["plan"]!.Str("resource_uri");
        var second = await Client.ListResourcesAsync(new ListResourcesRequestParams { Cursor = first.NextCursor });

        Assert.Equal(100, first.Resources.Count(r => r.Uri.StartsWith("bulkwizard://", StringComparison.Ordinal)));
        Assert.Contains(first.Resources, r => r.Uri == "ui://bulkwizard/plan");
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        var listed = first.Resources.Concat(second.Resources).Select(r => r.Uri).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(server.PlanUris.Order(StringComparer.Ordinal), listed.Where(IsPlan).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(made, listed);
        Assert.Equal(4, listed.Count(u => u.StartsWith("bulkwizard://templates/", StringComparison.Ordinal)));

        var all = (await Client.ListResourcesAsync()).Select(r => r.Uri).ToList();
        Assert.Equal(server.PlanUris.Append(made).Order(StringComparer.Ordinal), all.Where(IsPlan).Order(StringComparer.Ordinal));
        Assert.Equal(made, all.First(IsPlan));
    }

    [Fact]
    public async Task ACursorNotFromTheServer_InvalidParamsNamingIt()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => Client.ListResourcesAsync(new ListResourcesRequestParams { Cursor = "page-2" }).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("cursor: not a cursor from resources/list", error.Message, StringComparison.Ordinal);
    }

    private static bool IsPlan(string uri) => uri.StartsWith("bulkwizard://plans/", StringComparison.Ordinal);

    /// <summary>A server holding 130 plans, more than one page.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private const int Plans = 130;

        private WizardHarness _harness = null!;

        public McpClient Client { get; private set; } = null!;

        public List<string> PlanUris { get; } = [];

        public async Task InitializeAsync()
        {
            _harness = await WizardHarness.StartAsync();
            Client = await ServerLauncher.ConnectAsync(_harness.Settings);
            for (var i = 0; i < Plans; i++)
            {
                var plan = (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = i % 2 == 0 ? "FULL" : "NONE" }))["plan"]!;
                PlanUris.Add(plan.Str("resource_uri"));
            }
        }

        public async Task DisposeAsync()
        {
            await Client.DisposeAsync();
            await _harness.DisposeAsync();
        }
    }
}
