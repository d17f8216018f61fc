using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Recovery;

/// <summary>
/// Plans what to do about an interrupted run, as a plan confirmed like any other (<see cref="RecoveryAction"/>):
/// <list type="bullet">
/// <item><b>rollback</b>: the restore of the run's backup, sealed first from its journal when the run died before
/// sealing it; it puts back every subject the run wrote, modes included (so a subject left in IMPORT is released),
/// and removes what the run registered, also in the change it was interrupted in.</item>
/// <item><b>resume</b>: the changes of the run's plan it had not applied. A change it was interrupted in is read
/// again: done, it is left out; untouched, it stays; written in part, its subject is put back from the backup (mode
/// included) and left for a new plan, since its planned before-state no longer holds.</item>
/// </list>
/// The plan names the run in its answers (<see cref="RecoveryAction.RecoversKey"/>); when it completes, the run is
/// marked recovered and no longer listed.
/// </summary>
public sealed class RecoveryPlanner(InterruptedRuns runs, IPlanStore plans, IBackupStore backups, IRegistryGatewayProvider registries, TimeProvider clock)
{
    /// <exception cref="ArgumentException">Unknown operation, unknown action, or what the action needs is missing; the message names the argument.</exception>
    public async Task<OperationPlan> PlanAsync(string operationId, string action, CancellationToken cancellationToken)
    {
        if (!RecoveryAction.Values.Contains(action))
        {
            throw new ArgumentException($"action: '{action}' is not allowed; give one of {string.Join(", ", RecoveryAction.Values)}.");
        }

        var run = await runs.GetAsync(operationId, cancellationToken);
        var folder = runs.FolderOf(operationId)!;
        var history = await ExecutionJournalReader.ReadAsync(InterruptedRuns.JournalPathOf(folder), cancellationToken);
        var plan = await plans.FindAsync(run.PlanId, cancellationToken);
        var recovery = action == RecoveryAction.Rollback
            ? await RollbackAsync(run, history, plan, folder, cancellationToken)
            : await ResumeAsync(run, history, plan, folder, cancellationToken);
        recovery.Answers[RecoveryAction.RecoversKey] = run.OperationId;
        return recovery;
    }

    private async Task<OperationPlan> RollbackAsync(InterruptedRun run, JournalHistory history, OperationPlan? plan, string folder, CancellationToken cancellationToken)
    {
        var backup = await SealedBackupAsync(run, history, plan, "rollback", cancellationToken);
        var created = await RunCreations.ReadAsync(InterruptedRuns.JournalPathOf(folder), cancellationToken);
        var restore = await new RestorePlanner(registries.Get(backup.Registry), clock, registries).PlanAsync(backup, PaceOf(plan), cancellationToken, created);
        return restore with
        {
            Title = $"Roll back the interrupted run {run.OperationId} (plan {run.PlanId}): restore backup {backup.Id}",
            Warnings = [.. restore.Warnings, .. TransientWarning(run)],
        };
    }

    private async Task<OperationPlan> ResumeAsync(InterruptedRun run, JournalHistory history, OperationPlan? plan, string folder, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            throw new ArgumentException($"operation_id: the plan {run.PlanId} of '{run.OperationId}' is no longer in the data directory, so what it had left to do is unknown; roll it back instead.");
        }

        var applied = history.AppliedNotUndone().Select(e => e.Index).ToHashSet();
        var inDoubt = history.InDoubt().Select(e => e.Index).ToHashSet();
        var changes = new List<PlannedChange>();
        var partial = new List<int>();
        var done = new List<string>();
        var reached = new HashSet<(string?, string)>();
        for (var index = 0; index < plan.Changes.Count; index++)
        {
            var change = plan.Changes[index];
            if (applied.Contains(index))
            {
                reached.Add((change.Registry, change.Subject));
                continue;
            }

            if (inDoubt.Contains(index))
            {
                var live = await change.ReadStateAsync(registries.Get(change.Registry ?? plan.Registry), cancellationToken);
                if (PlannedChange.SameState(live, change.After))
                {
                    done.Add(change.Subject);
                    reached.Add((change.Registry, change.Subject));
                    continue;
                }

                if (!PlannedChange.SameState(live, change.Before))
                {
                    partial.Add(index);
                    continue;
                }
            }

            changes.Add(change);
        }

        // A change waiting for one the interrupted run applied has what it waits for.
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].RequiresApplied is { } required && reached.Contains((NameOf(required.Registry, plan), required.Subject)))
            {
                changes[i] = changes[i] with { RequiresApplied = null };
            }
        }

        var warnings = new List<string>(plan.Warnings);
        if (done.Count > 0)
        {
            warnings.Add($"{done.Count} change(s) the run was interrupted in had reached the registry and are left out: {string.Join(", ", done)}.");
        }

        if (partial.Count > 0)
        {
            var putBack = await PutBackAsync(run, history, plan, partial, cancellationToken);
            changes.InsertRange(0, putBack);
            warnings.Add($"{partial.Count} change(s) were interrupted part-way ({string.Join(", ", partial.Select(i => plan.Changes[i].Subject))}): their subjects are put " +
                "back as the backup holds them, mode included, and left out; plan the operation again for them.");
        }

        return plan with
        {
            Id = PlanIdentity.NewId(),
            Title = $"Resume the interrupted run {run.OperationId}: {plan.Title}",
            CreatedAt = clock.GetUtcNow(),
            Answers = (JsonObject)plan.Answers.DeepClone(),
            Changes = changes,
            Warnings = warnings,
            Estimate = PlanEstimate.For(changes.Count, plan.Config, 1),
        };
    }

    /// <summary>Restore changes, from the run's backup, for the subjects of the changes interrupted part-way; ranked before every other change.</summary>
    private async Task<IReadOnlyList<PlannedChange>> PutBackAsync(InterruptedRun run, JournalHistory history, OperationPlan plan, List<int> partial, CancellationToken cancellationToken)
    {
        var backup = await SealedBackupAsync(run, history, plan, "resume", cancellationToken);
        var subjects = partial.Select(i => (plan.Changes[i].Registry, plan.Changes[i].Subject)).ToHashSet();
        var only = backup with { Subjects = [.. backup.Subjects.Where(s => subjects.Contains((s.Registry, s.Subject)))] };
        var created = await RunCreations.ReadAsync(InterruptedRuns.JournalPathOf(runs.FolderOf(run.OperationId)!), cancellationToken);
        var restore = await new RestorePlanner(registries.Get(backup.Registry), clock, registries).PlanAsync(only, plan.Config, cancellationToken, created);
        // Below every change of the plan, keeping the restore's own order (referenced subjects first).
        var shift = plan.Changes.Select(c => c.UndoOrder.Rank).DefaultIfEmpty(0).Min() - 1 - restore.Changes.Select(c => c.UndoOrder.Rank).DefaultIfEmpty(0).Max();
        return [.. restore.Changes.Select(c => c is SubjectRestoreChange r ? r with { ReferenceDepth = r.ReferenceDepth + shift } : c)];
    }

    /// <summary>The run's backup, sealed from its journal when the run died before sealing it.</summary>
    private async Task<Backup> SealedBackupAsync(InterruptedRun run, JournalHistory history, OperationPlan? plan, string action, CancellationToken cancellationToken)
    {
        if (run.BackupId is not { } backupId)
        {
            throw new ArgumentException($"action: '{run.OperationId}' ran without a backup, so nothing holds the state it replaced and a {action} cannot put subjects back.");
        }

        var entries = history.Entries.OfType<ApplyingEntry>()
            .Select(e => e.Backup).OfType<SubjectBackup>()
            .DistinctBy(e => (e.Registry, e.Subject))
            .ToList();
        var header = new BackupManifest(backupId, run.Registry, run.PlanId, plan?.OperationType ?? run.OperationType ?? "unknown", run.StartedAt, [run.Registry], 0, 0)
        {
            RunConfig = plan?.Config,
        };
        await backups.SealInterruptedAsync(header, entries, cancellationToken);
        return await backups.LoadAsync(backupId, cancellationToken);
    }

    /// <summary>A registry named the way changes name it: null for the plan's own.</summary>
    private static string? NameOf(string? registry, OperationPlan plan) =>
        registry is null || string.Equals(registry, plan.Registry, StringComparison.OrdinalIgnoreCase) ? null : registry;

    private static BulkOperationConfig PaceOf(OperationPlan? plan) => plan?.Config is { } run
        ? new BulkOperationConfig { BatchSize = run.BatchSize, MaxParallel = run.MaxParallel, DelayBetweenBatches = run.DelayBetweenBatches, Canary = run.Canary }
        : new BulkOperationConfig();

    private static IEnumerable<string> TransientWarning(InterruptedRun run) => run.TransientModes.Count == 0
        ? []
        : [$"The run was interrupted while {string.Join(", ", run.TransientModes)} had a transient mode (e.g. IMPORT, which blocks producers); the restore puts each mode back as the backup holds it."];
}
