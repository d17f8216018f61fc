using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;

namespace BulkWizard.Core.Recovery;

/// <summary>
/// Plans the undo of a finished run from its own journal (<c>undo_task</c>): every change it applied and did not undo,
/// reversed (<see cref="UndoneChange"/>) and in the order a rollback would take them. Unlike a restore of the run's
/// backup, it acts only where the target is still as the run left it: a target changed since is read at planning and
/// left out with the difference (the run checks again before each write).
/// </summary>
public sealed class RunUndoPlanner(IPlanStore plans, IBackupStore backups, IRegistryGatewayProvider registries, TimeProvider clock)
{
    /// <exception cref="ArgumentException">The task is unknown, not finished, a dry run, or left nothing to undo; the message names <c>task_id</c>.</exception>
    public async Task<OperationPlan> PlanAsync(BulkTask? task, string taskId, CancellationToken cancellationToken)
    {
        if (task is null)
        {
            throw new ArgumentException($"task_id: '{taskId}' is not a known task; list_tasks lists them.");
        }

        if (!task.IsFinished || task.Result is not { } result)
        {
            throw new ArgumentException($"task_id: task {taskId} has not finished; cancel_task stops it and rolls back what it applied.");
        }

        if (result.DryRun)
        {
            throw new ArgumentException($"task_id: task {taskId} was a dry run and changed nothing.");
        }

        if (result.JournalPath is not { } journalPath || !File.Exists(journalPath))
        {
            throw new ArgumentException($"task_id: the journal of task {taskId} is no longer in the data directory, so what it applied is unknown.");
        }

        var plan = await plans.FindAsync(task.PlanId, cancellationToken)
            ?? throw new ArgumentException($"task_id: the plan {task.PlanId} of task {taskId} is no longer in the data directory.");
        var history = await ExecutionJournalReader.ReadAsync(journalPath, cancellationToken);
        var applied = history.AppliedNotUndone().Select(e => e.Index).Where(i => i < plan.Changes.Count).ToList();
        if (applied.Count == 0)
        {
            throw new ArgumentException($"task_id: task {taskId} left nothing applied ({task.Status.ToString().ToLowerInvariant()}); there is nothing to undo.");
        }

        var entries = result.BackupId is { } backupId ? (await backups.LoadAsync(backupId, cancellationToken)).Subjects : [];
        var byTarget = entries.GroupBy(e => (e.Registry, e.Subject)).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<PlannedChange>();
        var skipped = new List<SkippedSubject>();
        foreach (var change in applied.Select(i => plan.Changes[i] with { RequiresApplied = null }))
        {
            var live = await change.ReadStateAsync(registries.Get(change.Registry ?? plan.Registry), cancellationToken);
            if (!PlannedChange.SameState(live, change.After))
            {
                skipped.Add(new SkippedSubject(
                    change.Registry is null ? change.Subject : $"{change.Subject} (registry {change.Registry})",
                    $"changed since task {taskId} applied it (expected {Show(change.After)}, found {Show(live)}); left as it is"));
                continue;
            }

            changes.Add(new UndoneChange(change, byTarget.GetValueOrDefault((change.Registry, change.Subject))) { Registry = change.Registry });
        }

        changes.Sort((a, b) => a.UndoOrder.CompareTo(b.UndoOrder));
        return new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = plan.OperationType,
            Title = $"Undo task {taskId}: {plan.Title}",
            Registry = plan.Registry,
            CreatedAt = clock.GetUtcNow(),
            Answers = new JsonObject { ["undo_task"] = taskId },
            Config = plan.Config with { DryRun = false, CreateBackup = true, RollbackOnError = true },
            Changes = changes,
            Skipped = skipped,
            Warnings = ["Each change is undone only where the target is still as the run left it; a target changed since is left alone and reported as a conflict."],
            Estimate = PlanEstimate.For(changes.Count, plan.Config, 1),
        };
    }

    private static string Show(JsonNode? state) => state?.ToJsonString() ?? "nothing";
}
