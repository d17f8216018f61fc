using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary><c>get_task_report</c> through the real server, after real runs against the Sandbox.</summary>
public sealed class TaskReportTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task GetTaskReport_CompletedRun_EveryItemWithBeforeAfterAndApplied_FilesWritten()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var (plan, taskId) = await RunAsync(client, "test-*", "FULL");
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id"), ["page_size"] = 500 });

        var json = await client.CallAsync("get_task_report", new() { ["task_id"] = taskId, ["format"] = "json" });
        var markdown = await client.CallAsync("get_task_report", new() { ["task_id"] = taskId });

        var changes = page["changes"]!.AsArray();
        Assert.Equal(("completed", false, changes.Count), (json.Str("status"), json["dry_run"]!.GetValue<bool>(), json.Number("total_items")));
        Assert.Equal(new JsonObject { ["applied"] = changes.Count }.ToJsonString(), json["outcomes"]!.ToJsonString());
        Assert.Equal(
            changes.Select(c => $"{c!.Str("subject")} {c!["before"]?.GetValue<string>()} → {c!["after"]?.GetValue<string>()} applied"),
            json["items"]!.AsArray().Select(i => $"{i!.Str("subject")} {i!["before"]?.GetValue<string>()} → {i!["after"]?.GetValue<string>()} {i.Str("outcome")}"));
        Assert.True(markdown["items"] is null && json["markdown"] is null);
        var first = changes[0]!;
        Assert.Contains($"| 1 | {first.Str("subject")} | {first.Str("change")} | {Cell(first["before"])} | {Cell(first["after"])} | applied |", markdown.Str("markdown"), StringComparison.Ordinal);

        var folder = Path.Combine(harness.DataDirectory, "reports", taskId);
        Assert.Equal((Path.Combine(folder, "report.json"), Path.Combine(folder, "report.md")), (json.Str("json_path"), json.Str("markdown_path")));
        var file = JsonNode.Parse(await File.ReadAllTextAsync(json.Str("json_path")))!;
        Assert.Equal((taskId, plan.Str("plan_id"), "journal"), (file.Str("task_id"), file.Str("plan_id"), file.Str("outcomes_from")));
        Assert.Equal(changes.Count, file["items"]!.AsArray().Count);
        Assert.Equal(first["before"]?.GetValue<string>(), file["items"]![0]!["before"]?.ToJsonString());
        Assert.Equal(markdown.Str("markdown"), await File.ReadAllTextAsync(json.Str("markdown_path")));
    }

    [Fact]
    public async Task GetTaskReport_RolledBackRun_FailedItemWithItsErrorAndTheOthersUndone()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "NONE", ["batch_size"] = 2 }))["plan"]!;
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        var victim = page["changes"]!.AsArray()[^1]!.Str("subject");
        using (var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress })
        {
            (await http.PutAsJsonAsync($"mode/{Uri.EscapeDataString(victim)}", new { mode = "READONLY" })).EnsureSuccessStatusCode();
        }

        var taskId = await ConfirmAsync(client, plan);
        var report = await client.CallAsync("get_task_report", new() { ["task_id"] = taskId, ["format"] = "json" });

        var items = report["items"]!.AsArray();
        Assert.Equal("rolled_back", report.Str("status"));
        var failed = items.Single(i => i!.Str("subject") == victim)!;
        Assert.Equal("failed", failed.Str("outcome"));
        Assert.Equal($"Registry 'lab': Subject {victim} is in read-only mode; error code: 42205; nothing of it stayed in the registry", failed.Str("message"));
        Assert.All(items.Where(i => i!.Str("subject") != victim), i => Assert.Equal(("undone", "applied, then undone by the rollback"), (i!.Str("outcome"), i!["message"]?.GetValue<string>())));
        Assert.Equal(new JsonObject { ["failed"] = 1, ["undone"] = items.Count - 1 }.ToJsonString(), report["outcomes"]!.ToJsonString());
    }

    [Fact]
    public async Task GetTaskReport_BadFormatOrUnknownTask_ErrorNamesTheArgument()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var format = await client.CallExpectingErrorAsync("get_task_report", new() { ["task_id"] = "task_x", ["format"] = "pdf" });
        var unknown = await client.CallExpectingErrorAsync("get_task_report", new() { ["task_id"] = "task_x" });

        Assert.Equal("An error occurred invoking 'get_task_report': format: 'pdf' is not allowed; use markdown or json.", format);
        Assert.Equal("An error occurred invoking 'get_task_report': task_id: no task 'task_x' (finished tasks are kept across restarts, the newest 200); list_tasks shows them.", unknown);
    }

    /// <summary>A state in the Markdown table: JSON as code, or a dash for none.</summary>
    private static string Cell(JsonNode? json) => json is null ? "–" : $"`{json.GetValue<string>()}`";

    private static async Task<(JsonNode Plan, string TaskId)> RunAsync(McpClient client, string pattern, string level)
    {
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = pattern, ["compatibility"] = level }))["plan"]!;
        return (plan, await ConfirmAsync(client, plan));
    }

    private static async Task<string> ConfirmAsync(McpClient client, JsonNode plan)
    {
        var run = await client.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false,
        });
        var taskId = run["task"]!.Str("task_id");
        await client.WaitFinishedAsync(taskId, Deadline);
        return taskId;
    }
}
