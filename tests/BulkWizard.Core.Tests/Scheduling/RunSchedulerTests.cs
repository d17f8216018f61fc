using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Scheduling;

/// <summary>
/// A confirmed plan run at its time: it waits as scheduled, runs only when its answers still plan the confirmed plan,
/// is never run late, and outlives the process that scheduled it.
/// </summary>
public sealed class RunSchedulerTests
{
    private const string Confirmer = "assistant (tool call)";

    [Fact]
    public async Task Scheduled_WaitsForItsTime_ThenRunsTheConfirmedPlan()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.RegisterEachAsync(["orders-value", "orders-key"]);
        using var process = SchedulerHarness.Over(sandbox);
        var plan = await process.CompatibilityPlanAsync("orders-*", "FULL");
        var startAt = process.Clock.GetUtcNow().AddHours(2);

        var task = await process.Scheduler.ScheduleAsync(plan, startAt, Confirmer, CancellationToken.None);
        Assert.Equal(TimeSpan.FromHours(2), await process.Clock.NextWaitAsync());
        process.Clock.Fake.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));

        Assert.Equal((BulkTaskStatus.Scheduled, startAt), (task.Status, task.StartAt));
        Assert.Equal("scheduled to start at 2026-11-26T15:30:00Z; cancel_task cancels it", task.Message);
        Assert.Null(await sandbox.CompatibilityOfAsync("orders-value"));

        process.Clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(BulkTaskStatus.Completed, task.Status);
        Assert.Equal(2, task.Result!.Applied);
        Assert.Equal("assistant (tool call), scheduled for 2026-11-26T15:30:00Z", task.Result.ConfirmedBy);
        Assert.Equal("FULL", await sandbox.CompatibilityOfAsync("orders-value"));
        Assert.Equal("FULL", await sandbox.CompatibilityOfAsync("orders-key"));
        Assert.Empty(process.Schedules.Load());
    }

    [Fact]
    public async Task RegistryChangedBeforeItsTime_NotRun_TheNewPlanIsSavedAndNamed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.RegisterEachAsync(["orders-value"]);
        using var process = SchedulerHarness.Over(sandbox);
        var plan = await process.CompatibilityPlanAsync("orders-*", "FULL");
        var task = await process.Scheduler.ScheduleAsync(plan, process.Clock.GetUtcNow().AddMinutes(30), Confirmer, CancellationToken.None);
        await process.Clock.NextWaitAsync();

        await sandbox.RegisterEachAsync(["orders-key"]);
        process.Clock.Fake.Advance(TimeSpan.FromMinutes(30));
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(BulkTaskStatus.PlanChanged, task.Status);
        Assert.Null(task.Result);
        Assert.Null(await sandbox.CompatibilityOfAsync("orders-value"));
        Assert.Null(await sandbox.CompatibilityOfAsync("orders-key"));
        var offered = task.Replanned!;
        var saved = await process.Plans.FindAsync(offered.PlanId, CancellationToken.None);
        Assert.Equal(offered.PlanHash, saved!.Hash);
        Assert.Equal(["orders-key", "orders-value"], saved.Changes.Select(c => c.Subject).Order(StringComparer.Ordinal));
        Assert.Equal((2, false, $"{saved.Title}: 2 change(s)."), (offered.Changes, offered.IsDestructive, offered.Summary));
        Assert.Equal(
            $"not run: the registry changed since plan {plan.Id} was confirmed, and at 2026-11-26T14:00:00Z its answers planned something else. " +
            $"The plan made then is {offered.PlanId} (hash {offered.PlanHash}): {saved.Title}: 2 change(s). Review it with get_bulk_plan and confirm it instead.",
            task.Message);
        Assert.Empty(process.Schedules.Load());
    }

    [Fact]
    public async Task TimePassedWhileNoServerRan_ReportedMissedAtStartUp_NeverRunLate()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.RegisterEachAsync(["orders-value"]);
        var first = SchedulerHarness.Over(sandbox);
        var plan = await first.CompatibilityPlanAsync("orders-*", "FULL");
        var scheduled = await first.Scheduler.ScheduleAsync(plan, first.Clock.GetUtcNow().AddHours(1), Confirmer, CancellationToken.None);
        await first.Clock.NextWaitAsync();
        await first.Tasks.ShutdownAsync(CancellationToken.None);
        first.Dispose();
        first.Clock.Fake.Advance(TimeSpan.FromHours(3));

        using var next = first.Restart();
        var missed = await next.Scheduler.ResumeAsync();

        var task = Assert.Single(missed);
        Assert.Equal((scheduled.Id, BulkTaskStatus.Missed), (task.Id, task.Status));
        Assert.Equal(
            $"missed: plan {plan.Id} was scheduled to start at 2026-11-26T14:30:00Z, when no server was running; it is not run late. Plan again and confirm it to run it now or at another time.",
            task.Message);
        Assert.Null(await sandbox.CompatibilityOfAsync("orders-value"));
        Assert.Empty(next.Schedules.Load());
        using var later = next.Restart();
        Assert.Equal(BulkTaskStatus.Missed, later.Tasks.Find(scheduled.Id)!.Status);
    }

    [Fact]
    public async Task RestartBeforeItsTime_StillScheduled_RunsInTheNextProcess()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.RegisterEachAsync(["orders-value"]);
        var first = SchedulerHarness.Over(sandbox);
        var plan = await first.CompatibilityPlanAsync("orders-*", "FULL");
        var scheduled = await first.Scheduler.ScheduleAsync(plan, first.Clock.GetUtcNow().AddHours(1), Confirmer, CancellationToken.None);
        await first.Clock.NextWaitAsync();
        await first.Tasks.ShutdownAsync(CancellationToken.None);
        first.Dispose();

        using var next = first.Restart();
        Assert.Empty(await next.Scheduler.ResumeAsync());
        var task = next.Tasks.Find(scheduled.Id)!;
        Assert.Equal(BulkTaskStatus.Scheduled, task.Status);
        Assert.Equal(TimeSpan.FromHours(1), await next.Clock.NextWaitAsync());
        next.Clock.Fake.Advance(TimeSpan.FromHours(1));
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(BulkTaskStatus.Completed, task.Status);
        Assert.Equal("FULL", await sandbox.CompatibilityOfAsync("orders-value"));
        Assert.Equal(BulkTaskStatus.Scheduled, scheduled.Status);
    }

    [Fact]
    public async Task Cancelled_WhileWaiting_NeverRuns_AndIsNotPickedUpAgain()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.RegisterEachAsync(["orders-value"]);
        using var process = SchedulerHarness.Over(sandbox);
        var plan = await process.CompatibilityPlanAsync("orders-*", "FULL");
        var task = await process.Scheduler.ScheduleAsync(plan, process.Clock.GetUtcNow().AddHours(1), Confirmer, CancellationToken.None);
        await process.Clock.NextWaitAsync();

        Assert.True(process.Tasks.Cancel(task.Id));
        await SchedulerHarness.FinishedAsync(task);
        process.Clock.Fake.Advance(TimeSpan.FromHours(2));

        Assert.Equal(BulkTaskStatus.Cancelled, task.Status);
        Assert.Equal("cancelled before its start at 2026-11-26T14:30:00Z; nothing ran.", task.Message);
        Assert.Null(await sandbox.CompatibilityOfAsync("orders-value"));
        using var next = process.Restart();
        Assert.Empty(await next.Scheduler.ResumeAsync());
        Assert.Equal(BulkTaskStatus.Cancelled, next.Tasks.Find(task.Id)!.Status);
    }
}
