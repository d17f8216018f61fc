using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>
/// A server with history to read: a compatibility update of the test subjects planned, dry-run and run (a plan, two
/// tasks, a backup), then a second plan made after it. Two clients on the same data directory: the SDK's default
/// revision and one pinned to 2025-11-25, the revisions whose resource-not-found errors differ.
/// </summary>
public sealed class RunHistoryServer : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public WizardHarness Harness { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    public McpClient Pinned { get; private set; } = null!;

    /// <summary>The plan that ran, as the planning tool returned it.</summary>
    public JsonObject RunPlan { get; private set; } = null!;

    /// <summary>The finished dry run, before the real run.</summary>
    public JsonObject DryRunTask { get; private set; } = null!;

    /// <summary>The finished task of the real run, as get_task_status returned it.</summary>
    public JsonObject RunTask { get; private set; } = null!;

    /// <summary>The plan made after the run.</summary>
    public JsonObject LaterPlan { get; private set; } = null!;

    public string BackupId => RunTask["result"]!.Str("backup_id");

    public async Task InitializeAsync()
    {
        Harness = await WizardHarness.StartAsync();
        Client = await ServerLauncher.ConnectAsync(Harness.Settings);
        Pinned = await ServerLauncher.ConnectAsync(Harness.Settings, ProtocolRevisions.Pinned);

        RunPlan = (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL" }))["plan"]!.AsObject();
        var confirm = new Dictionary<string, object?> { ["plan_id"] = RunPlan.Str("plan_id"), ["plan_hash"] = RunPlan.Str("plan_hash") };
        DryRunTask = await Client.WaitFinishedAsync((await Client.CallAsync("confirm_bulk_operation", confirm))["task"]!.Str("task_id"), Deadline);
        var run = await Client.CallAsync("confirm_bulk_operation", new(confirm) { ["dry_run"] = false, ["confirmation"] = "accept" });
        RunTask = await Client.WaitFinishedAsync(run["task"]!.Str("task_id"), Deadline);
        Assert.Equal("completed", RunTask.Str("status"));

        LaterPlan = (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = "orders-*,payments-*", ["compatibility"] = "NONE" }))["plan"]!.AsObject();
    }

    public async Task DisposeAsync()
    {
        await Pinned.DisposeAsync();
        await Client.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
