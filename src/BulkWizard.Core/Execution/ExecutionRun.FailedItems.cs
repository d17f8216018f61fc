using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Execution;

/// <summary>
/// The rollback of changes that failed after they had started writing (a step failed, or the verification did): such a
/// change may have left part of itself, and a run must never be called rolled back while any of it is still there.
/// </summary>
internal sealed partial class ExecutionRun
{
    /// <summary>
    /// Read back, the change stays failed when it holds its before (nothing of it stayed, or it took itself back), is
    /// undone like an applied change when it holds its after, and is otherwise taken back to its backup entry through the
    /// restore path (<see cref="TakeBackAsync"/>, failed still); without a whole-subject entry it is reported as left in place.
    /// </summary>
    private async Task RollBackFailedAsync(int index)
    {
        var change = _changes[index];
        JsonNode? live;
        try
        {
            live = (await change.ReadAsync(GatewayOf(change), forBackup: false, CancellationToken.None)).State;
        }
        catch (Exception e)
        {
            Progress.AddToTotal(1);
            await UndoFailedAsync(index, $"it failed after writing, and could not be read back to undo what it left: {e.Message}");
            return;
        }

        if (PlannedChange.SameState(live, change.Before))
        {
            KeepFailed(index, "nothing of it stayed in the registry");
            return;
        }

        Progress.AddToTotal(1);

        if (PlannedChange.SameState(live, change.After))
        {
            await RunItemAsync(index, ItemPass.Undo);
            return;
        }

        if (_backupEntries?.GetValueOrDefault((change.Registry, change.Subject)) is { } entry && entry.Holds(ScopeParts.All))
        {
            await TakeBackAsync(index, entry);
            return;
        }

        await TryJournalAsync(new UndoConflictEntry(index, change.Subject, change.Before, live));
        FinishUndo(index, ItemOutcome.UndoConflict, $"it failed part-way and left {Show(live)}, neither its before {Show(change.Before)} nor its after; left as it is");
    }

    /// <summary>
    /// Brings a subject that a change left half-done back to the entry backed up just before it: versions it deleted
    /// registered again with their ids, versions it registered (absent from the entry) removed, config and mode put
    /// back; then verified against the change's before.
    /// </summary>
    private async Task TakeBackAsync(int index, SubjectBackup entry)
    {
        var change = _changes[index];
        var gateway = GatewayOf(change);
        string failure;
        try
        {
            await TryJournalAsync(new UndoingEntry(index, change.Subject));
            var steps = Journal is null ? IStepRecorder.None : new JournalStepRecorder(Journal, index, change.Subject, change.Registry);
            var live = await SubjectSnapshot.ReadAsync(gateway, change.Target, CancellationToken.None);
            var created = live.Versions.Select(v => v.Version).Where(n => entry.Versions.All(backed => backed.Version != n)).ToList();
            await _guard.RunAsync(gateway, change, steps, async () =>
            {
                await SubjectRestorer.RestoreAsync(gateway, change.Target, live, entry, created, steps, CancellationToken.None);
                return true;
            });
            var left = (await change.ReadAsync(gateway, forBackup: false, CancellationToken.None)).State;
            if (PlannedChange.SameState(left, change.Before))
            {
                await TryJournalAsync(new UndoneEntry(index, change.Subject));
                KeepFailed(index, "what it had written was taken back");
                Progress.Step($"{change.Subject}: failed; what it had written was taken back");
                return;
            }

            failure = $"taking back what it left after failing part-way: expected {Show(change.Before)}, found {Show(left)}";
        }
        catch (Exception e)
        {
            failure = $"it failed part-way, and taking back what it left failed: {e.Message}";
        }

        await UndoFailedAsync(index, failure);
    }

    /// <summary>The change stays failed (it was never applied whole); its message says what the rollback found or did.</summary>
    private void KeepFailed(int index, string note) => _messages[index] = $"{_messages[index]}; {note}";

    private async Task UndoFailedAsync(int index, string failure)
    {
        await TryJournalAsync(new UndoFailedEntry(index, _changes[index].Subject, failure));
        FinishUndo(index, ItemOutcome.UndoFailed, failure);
    }
}
