using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Execution.Leasing;
using BulkWizard.Core.Execution.Locking;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Recovery;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Execution;

/// <summary>
/// Runs a confirmed plan: the one piece that writes to a registry, for every operation type.
/// </summary>
/// <remarks>
/// <para>A real run takes the lock of every registry the plan writes to (in a fixed order) and, beside it, the lease the
/// registry itself holds (<see cref="RunLeases"/>, when <paramref name="leases"/> is given), opens the backup and the
/// journal beside it, then runs the batches (canary first). Each item reads its target once: a live state other than
/// the plan's before is a conflict and is left alone; otherwise what the change can touch is backed up from that same
/// read, the change is journaled, applied and verified against its after (from the write's own answer where the
/// registry's answer is the stored state, else by reading again). A dry run only reads and says what would happen.</para>
/// <para>A conflict counts as an error: it adds to the error rate, and with rollback_on_error it stops the run and
/// rolls back the changes already applied, since the plan that was confirmed can no longer be carried out as a whole.
/// Without rollback_on_error the run goes on until the error rate passes the threshold (after at least
/// <see cref="MinItemsForErrorRate"/> items). 401/403 and cancellation stop it at once: items in flight finish,
/// no new one starts.</para>
/// <para>Cancellation (<c>cancel_task</c>) rolls back when rollback_on_error is on. Host shutdown
/// (<see cref="ExecutionRequest.HostStopping"/>) never starts a rollback: it finishes in-flight items, puts back modes
/// a stopped change switched, ends the journal with <c>interrupted</c> and returns.</para>
/// </remarks>
/// <param name="leases">How the lease kept in each written registry behaves; null: local locks only.</param>
public sealed class PlanExecutor(
    IBackupStore backups, DataDirectory dataDirectory, TimeProvider timeProvider, ILogger<PlanExecutor> logger, RegistryLeaseOptions? leases = null)
{
    /// <summary>The error rate is judged only once this many items were processed.</summary>
    public const int MinItemsForErrorRate = 5;

    /// <summary>Why this run may not start, naming the field to change; null when it may.</summary>
    public static string? Refusal(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(request);
        var config = request.Config;
        if (config.Validate() is { } problem)
        {
            return problem;
        }

        if (!config.CreateBackup && config.RollbackOnError)
        {
            return ExecutionRefusals.BackupNeededForRollback;
        }

        if (!config.CreateBackup && plan.IsDestructive)
        {
            return ExecutionRefusals.DestructiveWithoutBackup;
        }

        if (!string.Equals(plan.Registry, gateway.Registry.Name, StringComparison.OrdinalIgnoreCase))
        {
            return $"Plan {plan.Id} was made for registry '{plan.Registry}', not for '{gateway.Registry.Name}'.";
        }

        foreach (var other in OtherRegistries(plan, gateway))
        {
            if (request.Registries is null || !request.Registries.Registries.Any(r => string.Equals(r.Name, other, StringComparison.OrdinalIgnoreCase)))
            {
                return $"Plan {plan.Id} also writes to registry '{other}', which is not configured here.";
            }

            if (!request.DryRun && request.Registries.Get(other).Registry.ReadOnly)
            {
                return $"Registry '{other}' is configured read-only: only a dry run of plan {plan.Id} is possible.";
            }
        }

        if (plan.Hash.Length > 0 && !string.Equals(PlanJson.HashOf(plan), plan.Hash, StringComparison.Ordinal))
        {
            return $"Plan {plan.Id} no longer matches its hash: it was changed after it was made. Plan again.";
        }

        if (!request.DryRun && gateway.Registry.ReadOnly)
        {
            return $"Registry '{gateway.Registry.Name}' is configured read-only: only a dry run is possible.";
        }

        return !request.DryRun && string.IsNullOrWhiteSpace(request.ConfirmedBy)
            ? "confirmed_by: who confirmed the run is required for a real run."
            : null;
    }

    /// <summary>Runs the plan (or its dry run) to the end, and says item by item what happened.</summary>
    /// <param name="cancellationToken">The task's own token (<c>cancel_task</c> and host shutdown), never a tool call's.</param>
    /// <exception cref="ExecutionRefusedException">See <see cref="Refusal"/>: nothing was read or written.</exception>
    public async Task<ExecutionResult> ExecuteAsync(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request, CancellationToken cancellationToken)
    {
        if (Refusal(plan, gateway, request) is { } refusal)
        {
            throw new ExecutionRefusedException(refusal);
        }

        ExecutionLog.RunStarted(logger, plan.Id, gateway.Registry.Name, plan.Changes.Count, request.DryRun, request.ConfirmedBy);
        using var telemetry = ExecutionTelemetry.Start(plan.Id, plan.OperationType, gateway.Registry.Name, request.DryRun, plan.Changes.Count, timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HostStopping);
        var run = new ExecutionRun(plan, gateway, request, timeProvider, logger, stop.Token);
        using var pace = run.WatchPace();
        var result = request.DryRun ? await DryRunAsync(run) : await RunAsync(plan, gateway, request, run, stop.Token);
        ExecutionLog.RunFinished(logger, plan.Id, result.Summary);
        if (result.Slowdowns is { Total: > 0 } slowdowns)
        {
            var causes = slowdowns.Describe();
            ExecutionLog.RunSlowedDown(logger, plan.Id, slowdowns.Total, causes);
        }

        telemetry.Finished(result);
        return result;
    }

    private static async Task<ExecutionResult> DryRunAsync(ExecutionRun run)
    {
        await run.DryRunAsync();
        run.ShouldStop();
        run.MarkNotRun();
        var status = run.Reason switch
        {
            StopReason.Cancelled => BulkTaskStatus.Cancelled,
            StopReason.None when !run.HasErrors => BulkTaskStatus.Completed,
            _ => BulkTaskStatus.Failed,
        };
        return run.Result(status, status == BulkTaskStatus.Completed ? null : StopText(run) ?? run.FirstError);
    }

    private async Task<ExecutionResult> RunAsync(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request, ExecutionRun run, CancellationToken stop)
    {
        var locks = new List<RegistryLock>();
        try
        {
            foreach (var registry in WrittenRegistries(plan, gateway, request))
            {
                locks.Add(RegistryLock.Acquire(dataDirectory, registry, timeProvider));
            }
        }
        catch (RegistryLockedException e)
        {
            locks.ForEach(held => held.Dispose());
            run.MarkNotRun();
            return run.Result(BulkTaskStatus.Failed, e.Message + " Nothing was changed.");
        }

        try
        {
            return await RunLeasedAsync(plan, gateway, request, run, stop);
        }
        finally
        {
            locks.ForEach(held => held.Dispose());
        }
    }

    /// <summary>Takes the leases beside the local locks; a live foreign lease stops the run before anything is read or written.</summary>
    private async Task<ExecutionResult> RunLeasedAsync(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request, ExecutionRun run, CancellationToken stop)
    {
        if (leases is null)
        {
            return await RunLockedAsync(plan, gateway, request, run, stop);
        }

        RunLeases held;
        try
        {
            var written = WrittenRegistries(plan, gateway, request)
                .Select(r => string.Equals(r.Name, gateway.Registry.Name, StringComparison.OrdinalIgnoreCase) ? gateway : request.Registries!.Get(r.Name));
            held = await RunLeases.AcquireAsync(written, new LeaseRequest(plan.Id, request.TaskId, request.ConfirmedBy), leases, timeProvider, logger, stop);
        }
        catch (RegistryLeaseHeldException e)
        {
            run.MarkNotRun();
            return run.Result(BulkTaskStatus.Failed, e.Message);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            run.ShouldStop();
            run.MarkNotRun();
            return run.Result(BulkTaskStatus.Cancelled, "Cancelled while taking the registry's execution lease. Nothing was changed.");
        }

        await using (held)
        {
            held.StartRenewing(detail => run.RequestStop(StopReason.Error, detail));
            var result = await RunLockedAsync(plan, gateway, request, run, stop);
            return held.Notices.Count == 0 ? result : result with { Notices = held.Notices };
        }
    }

    private async Task<ExecutionResult> RunLockedAsync(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request, ExecutionRun run, CancellationToken stop)
    {
        BackupWriter? backup = null;
        string journalFolder;
        if (request.Config.CreateBackup)
        {
            try
            {
                var header = new BackupManifest(BackupId.New(timeProvider, plan.KeepsArchive), gateway.Registry.Name, plan.Id, plan.OperationType, timeProvider.GetUtcNow(), [gateway.Registry.Name], 0, 0)
                {
                    RunConfig = request.Config,
                };
                backup = await backups.BeginAsync(header, stop);
                journalFolder = backup.Folder;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                run.ShouldStop();
                run.MarkNotRun();
                return run.Result(BulkTaskStatus.Cancelled, "Cancelled before the backup was opened. Nothing was changed.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                run.RequestStop(StopReason.Error, "the backup could not be opened");
                run.MarkNotRun();
                return run.Result(BulkTaskStatus.Failed, $"The backup could not be opened, so nothing was changed: {e.Message}");
            }
        }
        else
        {
            journalFolder = dataDirectory.EnsureFolder(Path.Combine(dataDirectory.JournalsPath, RunFolderName(plan.Id)));
        }

        await using (backup)
        {
            ExecutionJournal journal;
            try
            {
                journal = await ExecutionJournal.OpenAsync(journalFolder, timeProvider, CancellationToken.None);
                await journal.AppendAsync(new StartedEntry(plan.Id, gateway.Registry.Name, request.TaskId ?? "", plan.Changes.Count, RunOwner.Current), CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JournalCorruptedException)
            {
                run.RequestStop(StopReason.JournalFailed, "the journal could not be opened");
                run.MarkNotRun();
                return run.Result(BulkTaskStatus.Failed, $"The journal could not be opened in {journalFolder}, so nothing was changed: {e.Message}", backup?.Id);
            }

            await using (journal)
            {
                run.Journal = journal;
                run.Backup = backup;
                try
                {
                    var result = await ApplyAndFinishAsync(request, run, backup?.Id, journal);
                    await MarkRecoveredAsync(plan, request, result);
                    return result;
                }
                finally
                {
                    // Sealed whatever happened, so that what was written can be put back with restore_backup.
                    if (backup is not null)
                    {
                        await SealAsync(backup, plan.Id);
                    }
                }
            }
        }
    }

    /// <summary>A completed run of a recovery plan marks the interrupted run it recovers, which is then no longer listed.</summary>
    private async Task MarkRecoveredAsync(OperationPlan plan, ExecutionRequest request, ExecutionResult result)
    {
        if (request.DryRun || result.TaskStatus != BulkTaskStatus.Completed || plan.Answers[RecoveryAction.RecoversKey] is not JsonValue recovered)
        {
            return;
        }

        try
        {
            await InterruptedRuns.MarkRecoveredAsync(dataDirectory, recovered.GetValue<string>(), timeProvider, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JournalCorruptedException)
        {
            // The registry is recovered; the run is listed until it is marked, and a second recovery finds nothing left to do.
            ExecutionLog.RecoveryNotMarked(logger, e, recovered.GetValue<string>());
        }
    }

    private async Task SealAsync(BackupWriter backup, string planId)
    {
        try
        {
            await backup.CompleteAsync(CancellationToken.None);
            ExecutionLog.BackupWritten(logger, backup.Id, planId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The entries stay in the run's journal (each applying line carries its target's), from which they can be read back.
            ExecutionLog.BackupNotSealed(logger, e, backup.Id, planId);
        }
    }

    /// <summary>The registries the plan's changes name besides the plan's own.</summary>
    private static IEnumerable<string> OtherRegistries(OperationPlan plan, IRegistryGateway gateway) =>
        plan.Changes.Select(c => c.Registry).OfType<string>()
            .Where(name => !string.Equals(name, gateway.Registry.Name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every registry the plan writes to, in the order of their lock files, so two runs never wait on each other crosswise.</summary>
    private static IEnumerable<RegistryOptions> WrittenRegistries(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request) =>
        OtherRegistries(plan, gateway).Select(name => request.Registries!.Get(name).Registry)
            .Prepend(gateway.Registry)
            .OrderBy(r => RegistryLock.FileNameOf(RegistryAddress.Normalize(r)), StringComparer.Ordinal);

    private static async Task<ExecutionResult> ApplyAndFinishAsync(ExecutionRequest request, ExecutionRun run, string? backupId, ExecutionJournal journal)
    {
        await run.ApplyAllAsync();
        run.ShouldStop();
        run.MarkNotRun();

        var interrupted = request.HostStopping.IsCancellationRequested;
        var rolledBack = false;
        var rollbackFinished = false;
        if (!interrupted && request.Config.RollbackOnError && run.Reason != StopReason.None && run.Count(ItemOutcome.Applied) > 0)
        {
            rolledBack = true;
            rollbackFinished = await run.RollbackAsync();
            interrupted = !rollbackFinished;
        }

        BulkTaskStatus status;
        string? error;
        if (rolledBack)
        {
            var clean = rollbackFinished && run.Count(ItemOutcome.UndoConflict) + run.Count(ItemOutcome.UndoFailed) + run.Count(ItemOutcome.Applied) == 0;
            status = clean ? BulkTaskStatus.RolledBack : BulkTaskStatus.RollbackFailed;
            var left = run.Count(ItemOutcome.UndoConflict) + run.Count(ItemOutcome.UndoFailed) + run.Count(ItemOutcome.Applied);
            error = clean
                ? $"{StopText(run)}; {run.Count(ItemOutcome.Undone)} applied change(s) were rolled back."
                : $"{StopText(run)}; the rollback left {left} change(s) in place ({(interrupted ? "interrupted by host shutdown" : "conflicts or failures")})"
                    + (backupId is null ? "." : $"; restore_backup {backupId} can put them back.");
        }
        else if (interrupted || run.Reason == StopReason.Cancelled)
        {
            status = BulkTaskStatus.Cancelled;
            var applied = run.Count(ItemOutcome.Applied);
            error = interrupted
                ? $"Interrupted by host shutdown; {applied} applied change(s) stay in place and the journal records them."
                : $"Cancelled; {applied} applied change(s) stay in place (rollback_on_error is off).";
        }
        else if (run.Reason != StopReason.None || run.HasErrors)
        {
            status = BulkTaskStatus.Failed;
            error = StopText(run) ?? run.FirstError;
        }
        else
        {
            status = BulkTaskStatus.Completed;
            error = null;
        }

        JournalEntry last = interrupted
            ? new InterruptedEntry(error ?? "host shutdown")
            : new CompletedEntry(JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()));
        await run.TryJournalAsync(last);
        return run.Result(status, error, backupId, journal.Path, interrupted);
    }

    private static string? StopText(ExecutionRun run) => run.Reason switch
    {
        StopReason.None => null,
        StopReason.Cancelled => "Cancelled",
        StopReason.AccessDenied => $"Stopped: the registry denied access ({run.StopDetail})",
        StopReason.ErrorRate => $"Stopped: {run.StopDetail}",
        StopReason.CanaryFailed => $"Stopped: {run.StopDetail}",
        StopReason.JournalFailed => $"Stopped: {run.StopDetail}",
        _ => $"Stopped on an error: {run.StopDetail}",
    };

    private string RunFolderName(string planId)
    {
        var safe = new string([.. planId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var now = timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"{now}_{safe}_{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
    }
}
