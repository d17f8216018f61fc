using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Scheduling;

/// <summary>
/// Runs confirmed plans at a later time (a maintenance window). A scheduled run is a task with status
/// <c>scheduled</c>, kept in the data directory (<see cref="ScheduledRuns"/>) until its time. At its time the plan's
/// answers are planned again (<see cref="PlanReplay"/>) against the registry as it is then: the run goes ahead only
/// when that plan is the one confirmed; otherwise nothing runs, the new plan is saved and the task (plan_changed)
/// names it, to be reviewed and confirmed instead. A time that passed while no server was running is reported
/// (missed), never run late.
/// </summary>
public sealed partial class RunScheduler(
    TaskManager tasks, ScheduledRuns schedules, IPlanStore plans, PlanReplay replay, IPlanRunner runner, TimeProvider clock, ILogger<RunScheduler> logger)
{
    /// <summary>
    /// Lists the task and keeps its schedule, then waits for <paramref name="startAt"/>. The confirmation rules have
    /// been applied, and the confirmation spent, by the caller.
    /// </summary>
    public async Task<BulkTask> ScheduleAsync(OperationPlan plan, DateTimeOffset startAt, string confirmedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = new ScheduledRun(TaskManager.NewId(), plan.Id, plan.Hash, plan.Registry, plan.OperationType, confirmedBy, clock.GetUtcNow(), startAt);
        await schedules.SaveAsync(run, cancellationToken);
        return Wait(run);
    }

    /// <summary>
    /// At start-up: waits again for every kept run whose time is still ahead, and reports every run whose time passed
    /// while no server was running (status missed; not run). Returns the missed ones.
    /// </summary>
    public async Task<IReadOnlyList<BulkTask>> ResumeAsync()
    {
        var missed = new List<BulkTask>();
        foreach (var run in schedules.Load())
        {
            if (tasks.Find(run.TaskId) is { } known && known.IsFinished)
            {
                // Finished, but its schedule was not yet removed when the process stopped.
                schedules.Remove(run.TaskId);
                continue;
            }

            if (run.StartAt > clock.GetUtcNow())
            {
                Wait(run);
                continue;
            }

            var task = BulkTask.Scheduled(run.TaskId, run.PlanId, run.Registry, run.OperationType, run.CreatedAt, run.StartAt);
            await tasks.FinishUnrunAsync(task, BulkTaskStatus.Missed,
                $"missed: plan {run.PlanId} was scheduled to start at {StartAt.Format(run.StartAt)}, when no server was running; it is not run late. Plan again and confirm it to run it now or at another time.");
            schedules.Remove(run.TaskId);
            missed.Add(task);
        }

        return missed;
    }

    private BulkTask Wait(ScheduledRun run)
    {
        var task = tasks.AddScheduled(run.TaskId, run.PlanId, run.Registry, run.OperationType, run.CreatedAt, run.StartAt);
        _ = Task.Run(() => WaitThenStartAsync(run, task), CancellationToken.None);
        return task;
    }

    private async Task WaitThenStartAsync(ScheduledRun run, BulkTask task)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(task.Cancellation.Token, tasks.Stopping);
        try
        {
            var delay = run.StartAt - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, wait.Token);
            }

            if (tasks.Stopping.IsCancellationRequested)
            {
                return;
            }

            await StartAsync(run, task);
        }
        catch (OperationCanceledException) when (tasks.Stopping.IsCancellationRequested && !task.Cancellation.IsCancellationRequested)
        {
            // Host shutdown: the schedule stays in the data directory for the next process.
        }
        catch (OperationCanceledException)
        {
            await EndUnrunAsync(run, task, BulkTaskStatus.Cancelled, $"cancelled before its start at {StartAt.Format(run.StartAt)}; nothing ran.");
        }
        catch (Exception e)
        {
            LogStartFailed(logger, e, run.TaskId);
            await EndUnrunAsync(run, task, BulkTaskStatus.Failed, $"failed: could not plan again at {StartAt.Format(run.StartAt)}: {e.Message}; nothing ran.");
        }
    }

    /// <summary>The time has come: plan again, and run only the plan that was confirmed.</summary>
    private async Task StartAsync(ScheduledRun run, BulkTask task)
    {
        var token = task.Cancellation.Token;
        var confirmed = await plans.FindAsync(run.PlanId, token);
        if (confirmed is null || !string.Equals(confirmed.Hash, run.PlanHash, StringComparison.Ordinal))
        {
            await EndUnrunAsync(run, task, BulkTaskStatus.Failed, $"failed: plan {run.PlanId} as confirmed is no longer in the data directory; nothing ran.");
            return;
        }

        var replayed = await replay.ReplayAsync(confirmed, token);
        if (replayed.Problem is { } problem)
        {
            await EndUnrunAsync(run, task, BulkTaskStatus.PlanChanged,
                $"not run: at {StartAt.Format(run.StartAt)} the answers of plan {run.PlanId} no longer plan: {problem} Plan again to see the registry as it is now.");
            return;
        }

        if (!replayed.Matches)
        {
            var replanned = replayed.Replanned!;
            await plans.SaveAsync(replanned, token);
            var changes = replanned.Changes.Count(c => !c.IsPreparation);
            var summary = $"{replanned.Title}: {changes} change(s){(replanned.IsDestructive ? ", destructive" : "")}.";
            var offered = new ReplannedPlan(replanned.Id, replanned.Hash, summary, changes, replanned.IsDestructive);
            await EndUnrunAsync(run, task, BulkTaskStatus.PlanChanged,
                $"not run: the registry changed since plan {run.PlanId} was confirmed, and at {StartAt.Format(run.StartAt)} its answers planned something else. " +
                $"The plan made then is {replanned.Id} (hash {replanned.Hash}): {offered.Summary} Review it with get_bulk_plan and confirm it instead.",
                offered);
            return;
        }

        // From here it is a run like any other: an interrupted one is found by its journal, not reported missed.
        schedules.Remove(run.TaskId);
        var confirmedBy = $"{run.ConfirmedBy}, scheduled for {StartAt.Format(run.StartAt)}";
        tasks.StartScheduled(task, confirmed.Changes.Count, (t, cancellation) => runner.RunAsync(confirmed, t, confirmedBy, cancellation));
    }

    private async Task EndUnrunAsync(ScheduledRun run, BulkTask task, BulkTaskStatus status, string message, ReplannedPlan? replanned = null)
    {
        await tasks.FinishUnrunAsync(task, status, message, replanned);
        schedules.Remove(run.TaskId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled task {TaskId} could not start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string taskId);
}
