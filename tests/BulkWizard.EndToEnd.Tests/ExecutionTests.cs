using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>Runs through the real server: failures with and without rollback, abort, a cancelled confirming call, restore.</summary>
public sealed class ExecutionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static async Task<JsonNode> PlanAsync(McpClient client, string pattern, string level, Dictionary<string, object?>? settings = null)
    {
        var arguments = new Dictionary<string, object?> { ["pattern"] = pattern, ["compatibility"] = level };
        foreach (var (key, value) in settings ?? [])
        {
            arguments[key] = value;
        }

        return (await client.CallAsync("bulk_schema_update", arguments))["plan"]!;
    }

    private static Dictionary<string, object?> Run(JsonNode plan, int waitSeconds = 20, string confirmation = "accept") => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = false, ["wait_seconds"] = waitSeconds,
    };

    [Theory]
    [InlineData(true, "rolled_back")]
    [InlineData(false, "failed")]
    public async Task SubjectTurnedReadOnlyBetweenPlanAndRun_RollbackRestoresOrPartialResultReported(bool rollback, string expectedStatus)
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, "test-*", "NONE", new() { ["rollback_on_error"] = rollback, ["batch_size"] = 2 });
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        var victim = page["changes"]!.AsArray()[^1]!.Str("subject");
        using (var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress })
        {
            (await http.PutAsJsonAsync($"mode/{Uri.EscapeDataString(victim)}", new { mode = "READONLY" })).EnsureSuccessStatusCode();
        }

        var before = await harness.SnapshotAsync();
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        var finished = run["task"]!.Str("status") == "running" ? await client.WaitFinishedAsync(run["task"]!.Str("task_id"), Deadline) : run["task"]!.AsObject();

        Assert.Equal(expectedStatus, finished.Str("status"));
        var result = finished["result"]!;
        var changed = (await harness.SnapshotAsync()).DifferencesFrom(before);
        var items = result["items"]!.AsArray();
        Assert.Equal("failed", items.Single(i => i!.Str("subject") == victim)!.Str("outcome"));
        if (rollback)
        {
            Assert.Empty(changed);
            Assert.Equal(plan.Number("changes") - 1, result.Number("undone"));
        }
        else
        {
            Assert.Equal(items.Where(i => i!.Str("outcome") == "applied").Select(i => i!.Str("subject")).Order(StringComparer.Ordinal), changed);
            Assert.NotEmpty(changed);
        }
    }

    [Fact]
    public async Task PauseTask_HoldsTheRunBetweenBatches_ResumeFinishesIt()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, "test-*", "NONE", new() { ["batch_size"] = 1, ["delay_between_batches"] = 0.3, ["canary"] = false, ["max_parallel"] = 1 });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, waitSeconds: 1));
        var taskId = run["task"]!.Str("task_id");

        var paused = await client.CallAsync("pause_task", new() { ["task_id"] = taskId });
        var held = await SettledAsync(client, taskId);
        var later = await client.CallAsync("get_task_status", new() { ["task_id"] = taskId });
        var resumed = await client.CallAsync("resume_task", new() { ["task_id"] = taskId });
        var finished = await client.WaitFinishedAsync(taskId, Deadline);

        Assert.Equal("paused", paused.Str("status"));
        Assert.Equal(("paused", held), (later.Str("status"), later.Number("processed")));
        Assert.True(held < plan.Number("changes"), $"{held} of {plan.Number("changes")} processed before the pause took hold");
        Assert.Equal("running", resumed.Str("status"));
        Assert.Equal(("completed", plan.Number("changes")), (finished.Str("status"), finished["result"]!.Number("applied")));
        Assert.Contains("only a paused task can be resumed", await client.CallExpectingErrorAsync("resume_task", new() { ["task_id"] = taskId }), StringComparison.Ordinal);
    }

    /// <summary>
    /// The processed count once the items in flight at the pause have finished: the same on two reads a beat apart. That
    /// the run starts no batch while held is proven in the executor's own tests, against a gate it controls.
    /// </summary>
    private static async Task<int> SettledAsync(McpClient client, string taskId)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var last = -1;
        while (true)
        {
            var now = (await client.CallAsync("get_task_status", new() { ["task_id"] = taskId })).Number("processed");
            if (now == last)
            {
                return now;
            }

            last = now;
            await Task.Delay(500, deadline.Token);
        }
    }

    [Fact]
    public async Task CancelTask_DuringSlowRun_RollsBackToSnapshotBefore()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, ":*:*", "NONE", new() { ["batch_size"] = 1, ["delay_between_batches"] = 0.5 });

        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, waitSeconds: 2));
        var cancelled = await client.CallAsync("cancel_task", new() { ["task_id"] = run["task"]!.Str("task_id") });
        var finished = await client.WaitFinishedAsync(run["task"]!.Str("task_id"), Deadline);

        Assert.Equal("running", run.Str("status"));
        Assert.Equal("running", cancelled.Str("status"));
        Assert.Equal("rolled_back", finished.Str("status"));
        Assert.True(finished["result"]!.Number("undone") > 0);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ConfirmingCallCancelled_TaskRunsOnToCompleted()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, "test-*", "NONE", new() { ["batch_size"] = 2, ["delay_between_batches"] = 0.3 });
        using var callCancel = new CancellationTokenSource();
        var progressed = new TaskCompletionSource();
        var progress = new Progress<ModelContextProtocol.ProgressNotificationValue>(_ => progressed.TrySetResult());

        var call = client.CallToolAsync("confirm_bulk_operation", Run(plan, waitSeconds: 50), progress, cancellationToken: callCancel.Token).AsTask();
        await progressed.Task.WaitAsync(Deadline);
        await callCancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var task = (await client.CallAsync("list_tasks"))["tasks"]!.AsArray().Single()!;
        var finished = await client.WaitFinishedAsync(task.Str("task_id"), Deadline);

        Assert.Equal("completed", finished.Str("status"));
        Assert.Equal(plan.Number("changes"), finished["result"]!.Number("applied"));
    }

    [Fact]
    public async Task RestoreBackup_OfCompatibilityRun_GivesSnapshotBefore()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, ":*:*", "FORWARD");
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        Assert.Equal("completed", run.Str("status"));
        Assert.NotEmpty((await harness.SnapshotAsync()).DifferencesFrom(before));

        var backupId = run["task"]!["result"]!.Str("backup_id");
        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = backupId }))["plan"]!;
        var refused = await client.CallExpectingErrorAsync("confirm_bulk_operation", Run(restore, confirmation: "YES"));
        var dryRun = await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await client.CallAsync("confirm_bulk_operation", Run(restore, confirmation: "YES"));

        Assert.True(restore["destructive"]!.GetValue<bool>());
        Assert.Contains("run it with dry_run true first", refused, StringComparison.Ordinal);
        Assert.Equal("completed", dryRun.Str("status"));
        Assert.Equal("completed", restored.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task RestoreWithForms_PreviewThenDryRunThenTypedYes()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        string backupId;
        await using (var assistant = await ServerLauncher.ConnectAsync(harness.Settings))
        {
            var run = await assistant.CallAsync("confirm_bulk_operation", Run(await PlanAsync(assistant, "test-*", "NONE")));
            backupId = run["task"]!["result"]!.Str("backup_id");
        }

        var script = new ElicitationScript(ElicitationScript.Accept("view_details", false), ElicitationScript.Accept("confirmation", "yes"), ElicitationScript.Accept("confirmation", "YES"));
        await using var person = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, null, script);

        var restored = await person.CallAsync("restore_backup", new() { ["backup_id"] = backupId });

        Assert.Equal("completed", restored.Str("status"));
        Assert.Equal("user (elicitation)", restored["task"]!["result"]!.Str("confirmed_by"));
        Assert.Contains("Dry run: dry run:", script.Asked[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("Type YES to proceed.", script.Asked[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("confirmation: type YES exactly", script.Asked[2].Message, StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task RequireElicitationForDestructive_RefusesDestructiveRunWithoutForms()
    {
        await using var harness = await WizardHarness.StartAsync();
        var settings = harness.Settings;
        settings["BulkWizard__Safety__RequireElicitationForDestructive"] = "true";
        await using var client = await ServerLauncher.ConnectAsync(settings);
        var run = await client.CallAsync("confirm_bulk_operation", Run(await PlanAsync(client, "test-*", "NONE")));
        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });

        var refused = await client.CallExpectingErrorAsync("confirm_bulk_operation", Run(restore, confirmation: "YES"));

        Assert.Equal("completed", run.Str("status"));
        Assert.Contains("runs destructive plans only after the person confirms in a form", refused, StringComparison.Ordinal);
    }
}
