using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// The server process killed (SIGKILL) in the middle of a run, then started again on the same data directory: it
/// reports the interrupted operation, and rolls it back or resumes it on request, as a plan confirmed like any other.
/// A run that finished answers in the next process too, and its plan stays used.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KilledMidRun_IsListedAfterRestart_AndRollbackPutsTheRegistryBack()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        var (planId, changed) = await StartAndKillMidRunAsync(harness);

        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var operation = await SingleInterruptedAsync(client);
        var registries = await client.CallAsync("list_registries");
        var plan = (await client.CallAsync("recover_operation", new() { ["operation_id"] = operation.Str("operation_id"), ["action"] = "rollback" }))["plan"]!;
        var run = await ConfirmDestructiveAsync(client, plan);

        Assert.Equal(planId, operation.Str("plan_id"));
        Assert.True(operation.Number("applied") + operation["in_doubt"]!.AsArray().Count >= changed, operation.ToJsonString());
        Assert.True(operation.Number("not_run") > 0, operation.ToJsonString());
        Assert.Equal(1, registries.Number("interrupted_operations"));
        Assert.Equal("completed", run.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
        Assert.Empty((await client.CallAsync("list_interrupted_operations"))["operations"]!.AsArray());
    }

    [Fact]
    public async Task KilledMidRun_ResumeFinishesThePlan()
    {
        await using var harness = await WizardHarness.StartAsync();
        var (planId, _) = await StartAndKillMidRunAsync(harness);

        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var operation = await SingleInterruptedAsync(client);
        var planned = (await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = planId }))["changes"]!.AsArray().Select(c => c!.Str("subject")).ToList();
        var plan = (await client.CallAsync("recover_operation", new() { ["operation_id"] = operation.Str("operation_id"), ["action"] = "resume" }))["plan"]!;
        var run = await client.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = (int)Deadline.TotalSeconds,
        });
        var after = await harness.SnapshotAsync();

        Assert.Equal("completed", run.Str("status"));
        Assert.Equal(operation.Number("not_run") + operation["in_doubt"]!.AsArray().Count, plan.Number("changes"));
        Assert.Equal(10, planned.Count);
        foreach (var subject in planned)
        {
            Assert.Equal("NONE", after.Subject(subject)!["config"]!["compatibilityLevel"]!.GetValue<string>());
        }

        Assert.Empty((await client.CallAsync("list_interrupted_operations"))["operations"]!.AsArray());
    }

    [Fact]
    public async Task FinishedTask_AnswersAfterARestart_ItsPlanCannotRunAgain_AndTheAuditLogHasTheRunNotTheDryRun()
    {
        await using var harness = await WizardHarness.StartAsync();
        JsonNode plan;
        JsonObject run;
        await using (var first = await ServerLauncher.ConnectAsync(harness.Settings))
        {
            plan = (await first.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "NONE" }))["plan"]!;
            await first.CallAsync("confirm_bulk_operation", new(Accept(plan)) { ["dry_run"] = true });
            run = await first.CallAsync("confirm_bulk_operation", Accept(plan));
        }

        await using var second = await ServerLauncher.ConnectAsync(harness.Settings);
        var status = await second.CallAsync("get_task_status", new() { ["task_id"] = run["task"]!.Str("task_id") });
        var listed = (await second.CallAsync("list_tasks"))["tasks"]!.AsArray();
        var again = await second.CallExpectingErrorAsync("confirm_bulk_operation", Accept(plan));
        var audit = Assert.Single((await second.CallAsync("get_audit_log"))["entries"]!.AsArray())!;

        Assert.Equal("completed", status.Str("status"));
        Assert.Equal(run["task"]!["result"]!.Number("applied"), status["result"]!.Number("applied"));
        Assert.Equal(run["task"]!["result"]!.Str("backup_id"), status["result"]!.Str("backup_id"));
        Assert.Contains(listed, t => t!.Str("task_id") == run["task"]!.Str("task_id"));
        Assert.Contains($"plan_id: plan {plan.Str("plan_id")} has already been executed", again, StringComparison.Ordinal);
        Assert.Equal(
            (plan.Str("plan_id"), plan.Str("plan_hash"), "assistant (tool call)", "completed", status["result"]!.Number("applied"), status["result"]!.Str("backup_id")),
            (audit.Str("plan_id"), audit.Str("plan_hash"), audit.Str("confirmed_by"), audit.Str("status"), audit.Number("applied"), audit.Str("backup_id")));
        Assert.Equal(("schema_update", "Set compatibility NONE on test-*"), (audit.Str("operation"), audit.Str("selection")));
    }

    [Fact]
    public async Task RecoverOperation_UnknownIdOrAction_IsRefusedNamingTheArgument()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var unknown = await client.CallExpectingErrorAsync("recover_operation", new() { ["operation_id"] = "bk_20261202T050000Z_00000000", ["action"] = "rollback" });
        var traversal = await client.CallExpectingErrorAsync("recover_operation", new() { ["operation_id"] = "../plans", ["action"] = "rollback" });
        var action = await client.CallExpectingErrorAsync("recover_operation", new() { ["operation_id"] = "bk_20261202T050000Z_00000000", ["action"] = "redo" });

        Assert.Contains("operation_id: 'bk_20261202T050000Z_00000000' is not an interrupted operation; list_interrupted_operations lists them", unknown, StringComparison.Ordinal);
        Assert.Contains("operation_id: '../plans' is not an interrupted operation", traversal, StringComparison.Ordinal);
        Assert.EndsWith("action: 'redo' is not allowed; give one of rollback, resume.", action, StringComparison.Ordinal);
    }

    /// <summary>
    /// Plans a compatibility change of every test subject, one per batch with a pause between, starts it in a server
    /// process and kills that process once two subjects have changed in the registry.
    /// </summary>
    private static async Task<(string PlanId, int Changed)> StartAndKillMidRunAsync(WizardHarness harness)
    {
        var before = await harness.SnapshotAsync();
        await using var server = RawServerProcess.Start(harness.Settings);
        await server.InitializeAsync("2025-11-25", Timeout);
        var plan = (await server.CallToolAsync(2, "bulk_schema_update", new JsonObject
        {
            ["pattern"] = "test-*", ["compatibility"] = "NONE", ["batch_size"] = 1, ["delay_between_batches"] = 0.5, ["canary"] = false,
        }, Timeout))["plan"]!;
        await server.CallToolAsync(3, "confirm_bulk_operation", new JsonObject
        {
            ["plan_id"] = plan["plan_id"]!.DeepClone(), ["plan_hash"] = plan["plan_hash"]!.DeepClone(), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = 0,
        }, Timeout);

        var changed = 0;
        using var deadline = new CancellationTokenSource(Deadline);
        while (changed < 2)
        {
            await Task.Delay(100, deadline.Token);
            changed = (await harness.SnapshotAsync()).DifferencesFrom(before).Count;
        }

        await server.KillAsync();
        Assert.True(changed < plan["changes"]!.GetValue<int>(), "the run finished before the kill");
        return (plan["plan_id"]!.GetValue<string>(), changed);
    }

    private static Dictionary<string, object?> Accept(JsonNode plan) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = (int)Deadline.TotalSeconds,
    };

    private static async Task<JsonNode> SingleInterruptedAsync(McpClient client) =>
        Assert.Single((await client.CallAsync("list_interrupted_operations"))["operations"]!.AsArray())!;

    private static async Task<JsonObject> ConfirmDestructiveAsync(McpClient client, JsonNode plan)
    {
        var confirm = new Dictionary<string, object?> { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["wait_seconds"] = (int)Deadline.TotalSeconds };
        await client.CallAsync("confirm_bulk_operation", confirm);
        return await client.CallAsync("confirm_bulk_operation", new(confirm) { ["confirmation"] = "YES", ["dry_run"] = false });
    }
}
