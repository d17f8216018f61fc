using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// A client that does not wait on a call (wait_seconds 0) and polls get_task_status: the dry run a destructive plan
/// needs counts once its task has completed, whoever waited for it; a dry run that failed or was cancelled never counts.
/// </summary>
public sealed class PolledDryRunTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static Dictionary<string, object?> Confirm(JsonNode plan, bool dryRun, string? confirmation = null) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = dryRun, ["wait_seconds"] = 0,
    };

    /// <summary>Runs a compatibility update on test-* and returns the plan of restoring its backup (destructive).</summary>
    private static async Task<JsonNode> RestorePlanAfterUpdateAsync(McpClient client)
    {
        var update = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL" }))["plan"]!;
        var started = await client.CallAsync("confirm_bulk_operation", Confirm(update, dryRun: false, "accept"));
        var finished = await client.WaitFinishedAsync(started["task"]!.Str("task_id"), Deadline);
        Assert.Equal("completed", finished.Str("status"));
        return (await client.CallAsync("restore_backup", new() { ["backup_id"] = finished["result"]!.Str("backup_id") }))["plan"]!;
    }

    private static async Task<JsonObject> PollAsync(McpClient client, JsonObject reply) =>
        await client.WaitFinishedAsync(reply["task"]!.Str("task_id"), Deadline);

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task DestructivePlan_DryRunPolledToCompletion_ThenYesRunsIt(string? revision)
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings, revision);
        var restore = await RestorePlanAfterUpdateAsync(client);

        var dryRun = await PollAsync(client, await client.CallAsync("confirm_bulk_operation", Confirm(restore, dryRun: true)));
        var run = await PollAsync(client, await client.CallAsync("confirm_bulk_operation", Confirm(restore, dryRun: false, "YES")));

        Assert.True(restore["destructive"]!.GetValue<bool>());
        Assert.Equal("completed", dryRun.Str("status"));
        Assert.Equal("completed", run.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task DestructivePlan_DryRunFailedOnConflict_YesIsRefusedAndNothingChanges(string? revision)
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings, revision);
        var restore = await RestorePlanAfterUpdateAsync(client);
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = restore.Str("plan_id") });
        var drifted = page["changes"]!.AsArray()[0]!.Str("subject");
        using (var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress })
        {
            (await http.PutAsJsonAsync($"config/{Uri.EscapeDataString(drifted)}", new { compatibility = "NONE" })).EnsureSuccessStatusCode();
        }

        var dryRun = await PollAsync(client, await client.CallAsync("confirm_bulk_operation", Confirm(restore, dryRun: true)));
        var before = await harness.SnapshotAsync();
        var refused = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(restore, dryRun: false, "YES"));

        Assert.Equal("failed", dryRun.Str("status"));
        Assert.Equal("conflict", dryRun["result"]!["items"]!.AsArray().Single(i => i!.Str("subject") == drifted)!.Str("outcome"));
        Assert.Contains($"dry_run: plan {restore.Str("plan_id")} is destructive; run it with dry_run true first, wait until that task has completed", refused, StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task DestructivePlan_DryRunCancelled_YesIsRefused()
    {
        // Every request takes 100 ms, so the dry run is still running when cancel_task arrives.
        await using var harness = await WizardHarness.StartAsync(new Sandbox.SandboxOptions { ResponseDelay = TimeSpan.FromMilliseconds(100) });
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var restore = await RestorePlanAfterUpdateAsync(client);

        var started = await client.CallAsync("confirm_bulk_operation", Confirm(restore, dryRun: true));
        await client.CallAsync("cancel_task", new() { ["task_id"] = started["task"]!.Str("task_id") });
        var dryRun = await PollAsync(client, started);
        var refused = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(restore, dryRun: false, "YES"));

        Assert.Equal("cancelled", dryRun.Str("status"));
        Assert.Contains("a dry run that failed or was cancelled does not count", refused, StringComparison.Ordinal);
    }
}
