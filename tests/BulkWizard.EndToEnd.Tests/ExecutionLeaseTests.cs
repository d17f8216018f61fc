using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Two server processes with data directories of their own (two machines, as far as their local locks can tell) on one
/// registry: the execution lease in the registry keeps the second from running while the first does.
/// </summary>
public sealed class ExecutionLeaseTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static async Task<JsonNode> PlanAsync(McpClient client, string pattern, Dictionary<string, object?>? settings = null)
    {
        var arguments = new Dictionary<string, object?> { ["pattern"] = pattern, ["compatibility"] = "NONE" };
        foreach (var (key, value) in settings ?? [])
        {
            arguments[key] = value;
        }

        return (await client.CallAsync("bulk_schema_update", arguments))["plan"]!;
    }

    private static Dictionary<string, object?> Run(JsonNode plan, int waitSeconds) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = waitSeconds,
    };

    [Fact]
    public async Task SecondServer_WhileTheFirstRunsOnTheRegistry_IsRefusedNamingTheHolder_ThenRunsAfterIt()
    {
        await using var harness = await WizardHarness.StartAsync();
        var otherData = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var otherSettings = new Dictionary<string, string>(harness.Settings) { ["BulkWizard__DataDirectory"] = otherData };
            await using var first = await ServerLauncher.ConnectAsync(harness.Settings);
            await using var second = await ServerLauncher.ConnectAsync(otherSettings);
            var firstPlan = await PlanAsync(first, "test-*", new() { ["batch_size"] = 1, ["delay_between_batches"] = 0.3, ["canary"] = false, ["max_parallel"] = 1 });
            var started = await first.CallAsync("confirm_bulk_operation", Run(firstPlan, waitSeconds: 1));
            var firstTask = started["task"]!.Str("task_id");
            var paused = await first.CallAsync("pause_task", new() { ["task_id"] = firstTask });
            var before = await harness.SnapshotAsync();

            var secondPlan = await PlanAsync(second, "orders-*");
            var refused = await second.CallAsync("confirm_bulk_operation", Run(secondPlan, waitSeconds: 20));
            var refusedTask = refused["task"]!.Str("status") == "running"
                ? await second.WaitFinishedAsync(refused["task"]!.Str("task_id"), Deadline)
                : refused["task"]!.AsObject();
            var unchanged = (await harness.SnapshotAsync()).DifferencesFrom(before);

            Assert.Equal("paused", paused.Str("status"));
            Assert.Equal("failed", refusedTask.Str("status"));
            var error = refusedTask["result"]!.Str("error");
            Assert.StartsWith(
                $"Registry 'lab' is leased to another BulkWizard server: plan {firstPlan.Str("plan_id")} (task {firstTask}), confirmed by ",
                error, StringComparison.Ordinal);
            Assert.Contains($"on host '{Environment.MachineName}' (process ", error, StringComparison.Ordinal);
            Assert.EndsWith("wait for it to finish (or for the lease to expire if that server stopped). Nothing was changed.", error, StringComparison.Ordinal);
            // The first run may finish the item it had in flight when paused; the second changed none of its own.
            Assert.DoesNotContain(unchanged, subject => subject.StartsWith("orders-", StringComparison.Ordinal));

            await first.CallAsync("resume_task", new() { ["task_id"] = firstTask });
            var firstFinished = await first.WaitFinishedAsync(firstTask, Deadline);
            var again = await PlanAsync(second, "orders-*");
            var ran = await second.CallAsync("confirm_bulk_operation", Run(again, waitSeconds: 20));
            var secondFinished = ran["task"]!.Str("status") == "running"
                ? await second.WaitFinishedAsync(ran["task"]!.Str("task_id"), Deadline)
                : ran["task"]!.AsObject();

            Assert.Equal("completed", firstFinished.Str("status"));
            Assert.Empty(firstFinished["result"]!["notices"]!.AsArray());
            Assert.Equal(("completed", again.Number("changes")), (secondFinished.Str("status"), secondFinished["result"]!.Number("applied")));
            using var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress };
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("config/_bulkwizard-execution-lease")).StatusCode);
        }
        finally
        {
            if (Directory.Exists(otherData))
            {
                Directory.Delete(otherData, recursive: true);
            }
        }
    }
}
