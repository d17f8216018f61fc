using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// confirm_bulk_operation with start_at, through a real stdio client: the task waits as scheduled and then runs, is
/// cancelled without touching the registry, does not run when the registry changed in the meantime, and outlives a
/// killed server process.
/// </summary>
public sealed class ScheduledRunTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ScheduledAFewSecondsAhead_IsScheduled_ThenCompletes_AndTheAuditLogSaysScheduled()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, "NONE");
        var startAt = UtcText(DateTimeOffset.UtcNow.AddSeconds(6));

        var reply = await client.CallAsync("confirm_bulk_operation", Confirm(plan, startAt));
        var taskId = reply["task"]!.Str("task_id");
        var waiting = await client.CallAsync("get_task_status", new() { ["task_id"] = taskId });
        var finished = await client.WaitFinishedAsync(taskId, Timeout);
        var after = await harness.SnapshotAsync();
        var audit = (await client.CallAsync("get_audit_log"))["entries"]!.AsArray();
        var planned = (await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") }))["changes"]!.AsArray().Select(c => c!.Str("subject")).ToList();

        Assert.True(finished.Str("status") == "completed", finished.ToJsonString());
        Assert.Equal(("scheduled", "scheduled"), (reply.Str("status"), waiting.Str("status")));
        Assert.Equal(startAt, UtcText(DateTimeOffset.Parse(waiting.Str("start_at"), CultureInfo.InvariantCulture)));
        Assert.StartsWith($"Task {taskId} is scheduled to start at {startAt}", reply.Str("message"), StringComparison.Ordinal);
        Assert.Equal("completed", finished.Str("status"));
        Assert.Equal(plan.Number("changes"), finished["result"]!.Number("applied"));
        Assert.Equal(10, planned.Count);
        foreach (var subject in planned)
        {
            Assert.Equal("NONE", after.Subject(subject)!["config"]!["compatibilityLevel"]!.GetValue<string>());
        }

        var entry = Assert.Single(audit)!;
        Assert.Equal((plan.Str("plan_id"), taskId, $"assistant (tool call), scheduled for {startAt}"), (entry.Str("plan_id"), entry.Str("task_id"), entry.Str("confirmed_by")));
    }

    [Fact]
    public async Task Cancelled_WhileScheduled_NothingRuns_AndTheRegistryIsUnchanged()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var before = await harness.SnapshotAsync();
        var plan = await PlanAsync(client, "NONE");
        var taskId = (await client.CallAsync("confirm_bulk_operation", Confirm(plan, UtcText(DateTimeOffset.UtcNow.AddHours(1)))))["task"]!.Str("task_id");

        await client.CallAsync("cancel_task", new() { ["task_id"] = taskId });
        var finished = await client.WaitFinishedAsync(taskId, Timeout);
        var again = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(plan, UtcText(DateTimeOffset.UtcNow.AddHours(1))));

        Assert.Equal("cancelled", finished.Str("status"));
        Assert.StartsWith("cancelled before its start at ", finished.Str("message"), StringComparison.Ordinal);
        Assert.Null(finished["result"]);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
        Assert.Contains($"plan_id: plan {plan.Str("plan_id")} has already been executed", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryChangedBeforeStartAt_NotRun_TheNewPlanIsOfferedForReview()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = await PlanAsync(client, "NONE");
        var taskId = (await client.CallAsync("confirm_bulk_operation", Confirm(plan, UtcText(DateTimeOffset.UtcNow.AddSeconds(6)))))["task"]!.Str("task_id");
        using (var seeder = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            await seeder.RegisterAsync("test-latecomer-value", RegistrySeeder.AvroRecord("Latecomer", "a"));
        }

        var before = await harness.SnapshotAsync();
        var finished = await client.WaitFinishedAsync(taskId, Timeout);
        var replanned = finished["replanned"]!;
        var offered = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = replanned.Str("plan_id") });

        Assert.Equal("plan_changed", finished.Str("status"));
        Assert.Null(finished["result"]);
        Assert.Contains($"the registry changed since plan {plan.Str("plan_id")} was confirmed", finished.Str("message"), StringComparison.Ordinal);
        Assert.Contains(replanned.Str("plan_id"), finished.Str("message"), StringComparison.Ordinal);
        Assert.Equal(plan.Number("changes") + 1, replanned.Number("changes"));
        Assert.Equal(replanned.Str("plan_hash"), offered.Str("plan_hash"));
        Assert.Contains(offered["changes"]!.AsArray(), c => c!.Str("subject") == "test-latecomer-value");
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ServerKilledWhileScheduled_NextProcessStillListsItScheduled()
    {
        await using var harness = await WizardHarness.StartAsync();
        var startAt = UtcText(DateTimeOffset.UtcNow.AddHours(2));
        string taskId;
        await using (var server = RawServerProcess.Start(harness.Settings))
        {
            await server.InitializeAsync("2025-11-25", Timeout);
            var plan = (await server.CallToolAsync(2, "bulk_schema_update", new JsonObject { ["pattern"] = "test-*", ["compatibility"] = "NONE" }, Timeout))["plan"]!;
            var reply = await server.CallToolAsync(3, "confirm_bulk_operation", new JsonObject
            {
                ["plan_id"] = plan["plan_id"]!.DeepClone(), ["plan_hash"] = plan["plan_hash"]!.DeepClone(), ["confirmation"] = "accept", ["dry_run"] = false, ["start_at"] = startAt,
            }, Timeout);
            taskId = reply["task"]!.Str("task_id");
            await server.KillAsync();
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var listed = await ListedAsync(client, taskId);

        Assert.Equal("scheduled", listed.Str("status"));
        Assert.Equal(startAt, UtcText(DateTimeOffset.Parse(listed.Str("start_at"), CultureInfo.InvariantCulture)));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task TimePassedWhileNoServerRan_NextProcessReportsItMissed_OnStderrToo_AndNeverRunsIt()
    {
        await using var harness = await WizardHarness.StartAsync();
        string taskId;
        await using (var first = await ServerLauncher.ConnectAsync(harness.Settings))
        {
            var plan = await PlanAsync(first, "NONE");
            taskId = (await first.CallAsync("confirm_bulk_operation", Confirm(plan, UtcText(DateTimeOffset.UtcNow.AddHours(1)))))["task"]!.Str("task_id");
        }

        // The hour passes while no server runs: the kept schedule is moved back, as the clock would have moved on.
        var schedule = Path.Combine(harness.DataDirectory, "schedules", taskId + ".json");
        var kept = JsonNode.Parse(await File.ReadAllTextAsync(schedule))!;
        var missedAt = UtcText(DateTimeOffset.UtcNow.AddMinutes(-5));
        kept["start_at"] = missedAt;
        await File.WriteAllTextAsync(schedule, kept.ToJsonString());
        var before = await harness.SnapshotAsync();

        await using var next = RawServerProcess.Start(harness.Settings);
        await next.InitializeAsync("2025-11-25", Timeout);
        var listed = await ListedAsync(next, taskId);
        var notice = $"Scheduled task {taskId} (plan {listed.Str("plan_id")}) was to start at {missedAt}, when no server was running: missed";
        using (var deadline = new CancellationTokenSource(Timeout))
        using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
        {
            // The notice is written once the start-up pass is done, which may be just after the task is listed.
            while (!next.Stderr.Contains(notice, StringComparison.Ordinal))
            {
                Assert.True(await tick.WaitForNextTickAsync(deadline.Token), $"no start-up notice on stderr: {next.Stderr}");
            }
        }

        Assert.Equal("missed", listed.Str("status"));
        Assert.StartsWith($"missed: plan {listed.Str("plan_id")} was scheduled to start at {missedAt}, when no server was running; it is not run late.", listed.Str("message"), StringComparison.Ordinal);
        Assert.False(File.Exists(schedule));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task WithForms_ThePersonConfirms_AndTheRunIsScheduled()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(ElicitationScript.Accept("view_details", false), ElicitationScript.Accept("decision", "proceed"));
        await using var person = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, null, script);
        var plan = await PlanAsync(person, "NONE");
        var startAt = UtcText(DateTimeOffset.UtcNow.AddHours(1));

        var reply = await person.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["dry_run"] = false, ["start_at"] = startAt });

        Assert.Equal(2, script.Asked.Count);
        Assert.Contains($"Scheduled: the run starts at {startAt}, and only if the registry then still gives this very plan.", script.Asked[1].Message, StringComparison.Ordinal);
        Assert.Equal("scheduled", reply.Str("status"));
        Assert.Equal(startAt, UtcText(DateTimeOffset.Parse(reply["task"]!.Str("start_at"), CultureInfo.InvariantCulture)));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ViewOnlyServer_RefusesAScheduledConfirmation_NothingIsScheduled()
    {
        await using var harness = await WizardHarness.StartAsync();
        JsonNode plan;
        await using (var writable = await ServerLauncher.ConnectAsync(harness.Settings))
        {
            plan = await PlanAsync(writable, "NONE");
        }

        await using var client = await ServerLauncher.ConnectAsync(new Dictionary<string, string>(harness.Settings) { ["VIEWONLY"] = "true" });
        var refusal = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(plan, UtcText(DateTimeOffset.UtcNow.AddHours(1))));

        Assert.Contains("read-only", refusal, StringComparison.Ordinal);
        Assert.Empty((await client.CallAsync("list_tasks"))["tasks"]!.AsArray());
        Assert.False(Directory.Exists(Path.Combine(harness.DataDirectory, "schedules")));
    }

    private static async Task<JsonNode> PlanAsync(McpClient client, string level) =>
        (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = level }))["plan"]!;

    private static Dictionary<string, object?> Confirm(JsonNode plan, string startAt) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false, ["start_at"] = startAt,
    };

    private static string UtcText(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same, through a raw process (whose stderr the test reads).</summary>
    private static async Task<JsonNode> ListedAsync(RawServerProcess server, string taskId)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var id = 100; ; id++)
        {
            var tasks = (await server.CallToolAsync(id, "list_tasks", new JsonObject(), Timeout))["tasks"]!.AsArray();
            if (tasks.FirstOrDefault(t => t!.Str("task_id") == taskId) is { } task)
            {
                return task;
            }

            Assert.True(await tick.WaitForNextTickAsync(deadline.Token), $"task {taskId} not listed after {Timeout}");
        }
    }

    /// <summary>Polls list_tasks until the task is listed: the next process picks up its schedules in the background at start-up.</summary>
    private static async Task<JsonNode> ListedAsync(McpClient client, string taskId)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var tasks = (await client.CallAsync("list_tasks"))["tasks"]!.AsArray();
            if (tasks.FirstOrDefault(t => t!.Str("task_id") == taskId) is { } task)
            {
                return task;
            }

            Assert.True(await tick.WaitForNextTickAsync(deadline.Token), $"task {taskId} not listed after {Timeout}");
        }
    }
}
