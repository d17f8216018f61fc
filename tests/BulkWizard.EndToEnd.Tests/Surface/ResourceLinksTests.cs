using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>
/// Tool results link the resources they name (<c>resource_link</c> blocks), and the server announces
/// <c>notifications/resources/list_changed</c> when something new can be listed: broadcast before 2026-07-28, over a
/// <c>subscriptions/listen</c> stream from it. Through real clients over stdio.
/// </summary>
public sealed class ResourceLinksTests(ResourceLinksTests.Server server) : IClassFixture<ResourceLinksTests.Server>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PlanningResult_LinksItsPlan_TheLinkReadsAsTheWholePlan()
    {
        var result = await server.Client.CallToolAsync("bulk_schema_update", Update("test-*", "FULL"));

        var plan = Structured(result)["plan"]!;
        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        Assert.Equal((plan.Str("resource_uri"), plan.Str("plan_id"), "application/json"), (link.Uri, link.Name, link.MimeType));
        var read = JsonNode.Parse(((TextResourceContents)(await server.Client.ReadResourceAsync(link.Uri)).Contents[0]).Text)!;
        Assert.Equal(plan.Str("plan_hash"), read.Str("hash"));
        Assert.Equal(plan.Number("changes"), read["changes"]!.AsArray().Count);
        Assert.Single(result.Content.OfType<TextContentBlock>());
    }

    [Fact]
    public async Task FinishedRun_LinksItsTaskAndItsBackup()
    {
        var plan = (await server.Client.CallAsync("bulk_schema_update", Update("orders-*", "FULL_TRANSITIVE")))["plan"]!;
        var run = await server.Client.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["dry_run"] = false, ["confirmation"] = "accept",
        });
        var taskId = run["task"]!.Str("task_id");
        var finished = await server.Client.WaitFinishedAsync(taskId, Deadline);
        Assert.Equal("completed", finished.Str("status"));

        var status = await server.Client.CallToolAsync("get_task_status", new Dictionary<string, object?> { ["task_id"] = taskId });

        Assert.Equal(
            [$"bulkwizard://backups/{finished["result"]!.Str("backup_id")}", $"bulkwizard://tasks/{taskId}"],
            status.Content.OfType<ResourceLinkBlock>().Select(l => l.Uri).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClientBeforeResourceLinks_SameResultWithoutLinkBlocks()
    {
        var result = await server.Before2025June.CallToolAsync("bulk_schema_update", Update("test-*", "FULL"));

        Assert.False(result.IsError == true);
        Assert.Empty(result.Content.OfType<ResourceLinkBlock>());
        Assert.StartsWith("bulkwizard://plans/plan_", Structured(result)["plan"]!.Str("resource_uri"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeJuly2026_ListChangedBroadcast_ForANewPlan_NotForOneNamedAgain()
    {
        var announced = new ListChangedCounter();
        await using var registration = server.Before2025June.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, announced.Handle);

        var plan = (await server.Before2025June.CallAsync("bulk_schema_update", Update("payments-*", "NONE")))["plan"]!;
        await announced.WaitForAsync(1);
        await server.Before2025June.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        await server.Before2025June.CallAsync("bulk_schema_update", Update("payments-*", "FULL"));
        await announced.WaitForAsync(2);

        // Notices arrive in the order they are sent: one for the plan named again would have come before the second plan's.
        Assert.Equal(2, announced.Count);
    }

    [Fact]
    public async Task FromJuly2026_ListChangedOverTheListenStream_ForANewPlanAndForItsDryRun()
    {
        var announced = new ListChangedCounter();
        await using var registration = server.Client.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, announced.Handle);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var ack = server.Client.RegisterNotificationHandler(NotificationMethods.SubscriptionsAcknowledgedNotification, (_, _) =>
        {
            acknowledged.TrySetResult();
            return ValueTask.CompletedTask;
        });
        using var listening = new CancellationTokenSource();
        var listen = server.Client.SendRequestAsync(
            new JsonRpcRequest
            {
                Method = RequestMethods.SubscriptionsListen,
                Params = JsonSerializer.SerializeToNode(
                    new SubscriptionsListenRequestParams { Notifications = new SubscriptionsListenNotifications { ResourcesListChanged = true } },
                    McpJsonUtilities.DefaultOptions),
            },
            listening.Token);
        await acknowledged.Task.WaitAsync(Deadline);

        var plan = (await server.Client.CallAsync("bulk_schema_update", Update("test-*", "FORWARD")))["plan"]!;
        await announced.WaitForAsync(1);
        var dryRun = await server.Client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        await server.Client.WaitFinishedAsync(dryRun["task"]!.Str("task_id"), Deadline);

        // The dry run's task is new; once more when it finishes, unless it had finished by the time its task was named.
        await announced.WaitForAsync(2);
        await listening.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    private static Dictionary<string, object?> Update(string pattern, string level) => new() { ["pattern"] = pattern, ["compatibility"] = level };

    private static JsonNode Structured(CallToolResult result) => JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!;

    private sealed class ListChangedCounter
    {
        private readonly Channel<bool> _arrived = Channel.CreateUnbounded<bool>();
        private int _count;
        private int _seen;

        public int Count => Volatile.Read(ref _count);

        public ValueTask Handle(JsonRpcNotification notification, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return _arrived.Writer.WriteAsync(true, cancellationToken);
        }

        public async Task WaitForAsync(int count)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            for (; _seen < count; _seen++)
            {
                await _arrived.Reader.ReadAsync(deadline.Token);
            }
        }
    }

    /// <summary>One server process per client: the SDK's default revision, and one pinned before resource links (2025-03-26).</summary>
    public sealed class Server : IAsyncLifetime
    {
        public WizardHarness Harness { get; private set; } = null!;

        public McpClient Client { get; private set; } = null!;

        public McpClient Before2025June { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Harness = await WizardHarness.StartAsync();
            Client = await ServerLauncher.ConnectAsync(Harness.Settings);
            Before2025June = await ServerLauncher.ConnectAsync(Harness.Settings, "2025-03-26");
        }

        public async Task DisposeAsync()
        {
            await Before2025June.DisposeAsync();
            await Client.DisposeAsync();
            await Harness.DisposeAsync();
        }
    }
}
