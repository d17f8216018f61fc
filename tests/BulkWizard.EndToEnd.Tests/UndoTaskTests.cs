using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// undo_task reverses a finished run from its own journal, only where the registry is still as the run left it:
/// a subject changed since is reported in the plan and left alone.
/// </summary>
public sealed class UndoTaskTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task UndoOfACompatibilityUpdate_PutsBackEverySubjectButTheOneChangedSince()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "NONE" }))["plan"]!;
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        var touched = page["changes"]!.AsArray()[0]!.Str("subject");
        using (var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress })
        {
            (await http.PutAsJsonAsync($"config/{Uri.EscapeDataString(touched)}", new { compatibility = "FULL" })).EnsureSuccessStatusCode();
        }

        var undo = (await client.CallAsync("undo_task", new() { ["task_id"] = run["task"]!.Str("task_id") }))["plan"]!;
        var undone = await ConfirmDestructiveAsync(client, undo);
        var items = undone["task"]!["result"]!["items"]!.AsArray();
        var after = await harness.SnapshotAsync();

        Assert.True(undo["destructive"]!.GetValue<bool>());
        Assert.Equal((plan.Number("changes") - 1, 1), (undo.Number("changes"), undo.Number("skipped")));
        Assert.Contains($"{touched}: changed since task {run["task"]!.Str("task_id")} applied it", undo.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("completed", undone.Str("status"));
        Assert.All(items, i => Assert.Equal("applied", i!.Str("outcome")));
        Assert.Equal([touched], after.DifferencesFrom(before));
        Assert.Equal("FULL", after.Subject(touched)!["config"]!["compatibilityLevel"]!.GetValue<string>());
    }

    [Fact]
    public async Task UndoOfASoftDeleteCleanup_BringsTheSubjectsBack()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = (await client.CallAsync("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["unknown_impact"] = "proceed" }))["plan"]!;
        var run = await ConfirmDestructiveAsync(client, plan);
        Assert.Equal("completed", run.Str("status"));

        var undo = (await client.CallAsync("undo_task", new() { ["task_id"] = run["task"]!.Str("task_id") }))["plan"]!;
        var undone = await ConfirmDestructiveAsync(client, undo);

        Assert.Equal("completed", undone.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
        Assert.Contains("task_id: 'task_0000000000000000' is not a known task", await client.CallExpectingErrorAsync("undo_task", new() { ["task_id"] = "task_0000000000000000" }), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ConfirmDestructiveAsync(McpClient client, JsonNode plan)
    {
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["wait_seconds"] = (int)Deadline.TotalSeconds });
        return await client.CallAsync("confirm_bulk_operation", Run(plan, "YES"));
    }

    private static Dictionary<string, object?> Run(JsonNode plan, string confirmation) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = false, ["wait_seconds"] = (int)Deadline.TotalSeconds,
    };
}
