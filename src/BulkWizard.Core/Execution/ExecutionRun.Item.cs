using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Execution;

/// <summary>One item of a run: the same protocol for a dry run, an apply and an undo.</summary>
internal sealed partial class ExecutionRun
{
    /// <summary>
    /// The one item protocol, for a dry run, an apply and an undo: read the target (for an apply, also its backup
    /// entry), compare it with the state the pass expects (conflict: leave it alone), then — except in a dry run —
    /// back up, journal, act, verify what the act left against the state it should leave, and journal the outcome.
    /// Only a dry run can be cancelled mid-item; an apply or undo once started always finishes.
    /// </summary>
    private async Task RunItemAsync(int index, ItemPass pass)
    {
        var change = _changes[index];
        var subject = change.Subject;
        var undo = pass == ItemPass.Undo;
        var expected = undo ? change.After : change.Before;
        var token = pass == ItemPass.DryRun ? _stop : CancellationToken.None;
        if (!undo && UnmetRequirement(change, pass) is { } unmet)
        {
            Finish(index, ItemOutcome.NotRun, unmet);
            return;
        }

        if (pass == ItemPass.DryRun && FollowsOnItsOwnTarget(change))
        {
            // Its state before is the one the change it requires leaves, which a dry run does not make: nothing to compare yet.
            Finish(index, ItemOutcome.WouldApply, change.Describe());
            return;
        }

        try
        {
            var gateway = GatewayOf(change);
            var read = await change.ReadAsync(gateway, forBackup: pass == ItemPass.Apply && Backup is not null, token);
            if (!PlannedChange.SameState(read.State, expected))
            {
                await RecordConflictAsync(index, pass, expected, read.State);
                return;
            }

            if (pass == ItemPass.DryRun)
            {
                Finish(index, ItemOutcome.WouldApply, change.Describe());
                return;
            }

            if (!await BeforeActAsync(index, pass, read.Backup))
            {
                return;
            }

            _acted[index] = pass == ItemPass.Apply;

            var steps = Journal is null ? IStepRecorder.None : new JournalStepRecorder(Journal, index, subject, change.Registry);
            var left = await _guard.RunAsync(gateway, change, steps, () => undo
                ? change.UndoAndReadAsync(gateway, _backupEntries?.GetValueOrDefault((change.Registry, subject)), steps, CancellationToken.None)
                : change.ApplyAndReadAsync(gateway, steps, CancellationToken.None));
            var wanted = undo ? change.Before : change.After;
            if (!PlannedChange.SameState(left, wanted))
            {
                var failure = $"{(undo ? "undo verification" : "verification")} failed: expected {Show(wanted)}{(undo ? "" : " after the change")}, found {Show(left)}";
                await TryJournalAsync(undo ? new UndoFailedEntry(index, subject, failure) : new FailedEntry(index, subject, failure));
                Done(index, pass, undo ? ItemOutcome.UndoFailed : ItemOutcome.Failed, failure);
                return;
            }

            if (undo)
            {
                await TryJournalAsync(new UndoneEntry(index, subject));
                Done(index, pass, ItemOutcome.Undone, "undone: " + change.Describe());
                return;
            }

            if (!await TryJournalAsync(new AppliedEntry(index, subject)))
            {
                RequestStop(StopReason.JournalFailed, $"the journal could not record that {subject} was applied");
            }

            Done(index, pass, ItemOutcome.Applied, change.Describe());
        }
        catch (OperationCanceledException) when (pass == ItemPass.DryRun && _stop.IsCancellationRequested)
        {
            // Not reached: stays NotRun.
        }
        catch (Exception e)
        {
            if (e is RegistryAccessDeniedException && pass != ItemPass.Undo)
            {
                RequestStop(StopReason.AccessDenied, e.Message);
            }

            if (pass != ItemPass.DryRun)
            {
                await TryJournalAsync(undo ? new UndoFailedEntry(index, subject, e.Message) : new FailedEntry(index, subject, e.Message));
            }

            Done(index, pass, undo ? ItemOutcome.UndoFailed : ItemOutcome.Failed, e.Message);
        }
    }

    /// <summary>
    /// Why a change that requires another one to have been applied first may not run: that change did not apply (or,
    /// in a dry run, would not). It ranks below this one, so it has finished by now.
    /// </summary>
    private string? UnmetRequirement(PlannedChange change, ItemPass pass)
    {
        if (change.RequiresApplied is not { } required)
        {
            return null;
        }

        var done = _indexByTarget.TryGetValue((NameOf(required.Registry), required.Subject), out var other)
            && _outcomes[other] == (pass == ItemPass.DryRun ? ItemOutcome.WouldApply : ItemOutcome.Applied);
        return done ? null : $"not run: it waits for {required.Subject}{(required.Registry is null ? "" : $" on registry '{required.Registry}'")}, which was not {(pass == ItemPass.DryRun ? "ready" : "applied")}";
    }

    /// <summary>Whether the change requires an earlier change of the same target (e.g. a mode switch after the purge of that subject).</summary>
    private bool FollowsOnItsOwnTarget(PlannedChange change) =>
        change.RequiresApplied is { } required && NameOf(required.Registry) == NameOf(change.Registry) && required.Subject == change.Subject;

    /// <summary>A registry named the way changes name it: null for the plan's own.</summary>
    private string? NameOf(string? registry) =>
        registry is null || string.Equals(registry, _plan.Registry, StringComparison.OrdinalIgnoreCase) ? null : registry;

    /// <summary>The backup entry, then the journal line, both on disk before the write; false (item finished as failed) when either cannot be written.</summary>
    private async Task<bool> BeforeActAsync(int index, ItemPass pass, SubjectBackup? entry)
    {
        var subject = _changes[index].Subject;
        if (pass == ItemPass.Undo)
        {
            // Undoing makes the registry safer, so it goes ahead even if the journal cannot take the line (logged).
            await TryJournalAsync(new UndoingEntry(index, subject));
            return true;
        }

        var captured = false;
        if (entry is not null)
        {
            try
            {
                captured = await Backup!.AppendAsync(entry, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                RequestStop(StopReason.Error, "the backup could not be written");
                Finish(index, ItemOutcome.Failed, $"the backup could not be written, so nothing was sent: {e.Message}");
                return false;
            }
        }

        if (!await TryJournalAsync(new ApplyingEntry(index, subject, captured ? entry : null)))
        {
            RequestStop(StopReason.JournalFailed, "the journal could not be written");
            Finish(index, ItemOutcome.Failed, "the journal could not be written, so nothing was sent");
            return false;
        }

        return true;
    }

    private async Task RecordConflictAsync(int index, ItemPass pass, JsonNode? expected, JsonNode? live)
    {
        var subject = _changes[index].Subject;
        switch (pass)
        {
            case ItemPass.Undo:
                await TryJournalAsync(new UndoConflictEntry(index, subject, expected, live));
                FinishUndo(index, ItemOutcome.UndoConflict, $"changed since it was applied: expected {Show(expected)}, found {Show(live)}; left as it is");
                break;
            case ItemPass.Apply:
                await TryJournalAsync(new ConflictEntry(index, subject, expected, live));
                Finish(index, ItemOutcome.Conflict, ConflictText(expected, live));
                break;
            default:
                Finish(index, ItemOutcome.Conflict, ConflictText(expected, live));
                break;
        }
    }

    private void Done(int index, ItemPass pass, ItemOutcome outcome, string message)
    {
        if (pass == ItemPass.Undo)
        {
            FinishUndo(index, outcome, message);
        }
        else
        {
            Finish(index, outcome, message);
        }
    }

    /// <summary>The plan's registry, or the other registry a change names.</summary>
    private IRegistryGateway GatewayOf(PlannedChange change) =>
        change.Registry is not { } name || string.Equals(name, _gateway.Registry.Name, StringComparison.OrdinalIgnoreCase)
            ? _gateway
            : _otherRegistries?.Get(name) ?? throw new InvalidOperationException($"{change.Subject}: the change writes to registry '{name}', which this run was not given.");
}
