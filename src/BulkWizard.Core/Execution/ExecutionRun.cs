using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Execution;

/// <summary>
/// The state of one run of a plan: what happened to each item, the progress count, and why the run stopped.
/// Items and undo steps run here; <see cref="PlanExecutor"/> sets up the lock, backup and journal around them.
/// </summary>
internal sealed class ExecutionRun
{
    private const int MaxStateShown = 300;

    private readonly OperationPlan _plan;
    private readonly IReadOnlyList<PlannedChange> _changes;
    private readonly IRegistryGateway _gateway;
    private readonly ExecutionRequest _request;
    private readonly BulkOperationConfig _config;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _stop;
    private readonly ItemOutcome[] _outcomes;
    private readonly string?[] _messages;
    private readonly TransientModeGuard _guard;
    private readonly Lock _gate = new();
    private int _processed;
    private int _errors;
    private StopReason _reason;
    private string? _stopDetail;

    public ExecutionRun(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        _plan = plan;
        _changes = plan.Changes;
        _gateway = gateway;
        _request = request;
        _config = request.Config;
        _time = time;
        _logger = logger;
        _stop = stop;
        _outcomes = new ItemOutcome[_changes.Count];
        _messages = new string?[_changes.Count];
        _guard = new TransientModeGuard(gateway, logger);
        Progress = new ProgressReporter(request.Progress, _changes.Count, e => ExecutionLog.ProgressListenerFailed(logger, e));
    }

    public ProgressReporter Progress { get; }

    public Backup? Backup { get; set; }

    public ExecutionJournal? Journal { get; set; }

    public StopReason Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    public string? StopDetail
    {
        get
        {
            lock (_gate)
            {
                return _stopDetail;
            }
        }
    }

    public int Count(ItemOutcome outcome) => _outcomes.Count(o => o == outcome);

    public bool HasErrors => _outcomes.Any(o => o is ItemOutcome.Failed or ItemOutcome.Conflict);

    public string? FirstError =>
        Enumerable.Range(0, _changes.Count)
            .Where(i => _outcomes[i] is ItemOutcome.Failed or ItemOutcome.Conflict or ItemOutcome.UndoFailed or ItemOutcome.UndoConflict)
            .Select(i => $"{_changes[i].Subject}: {_messages[i]}")
            .FirstOrDefault();

    /// <summary>Re-reads every target and compares it with the plan's before; writes nothing.</summary>
    public async Task DryRunAsync() =>
        await RunWaveAsync([.. Enumerable.Range(0, _changes.Count)], DryRunItemAsync);

    /// <summary>The batches: canary first, then <see cref="BulkOperationConfig.BatchSize"/> at a time with the delay between them.</summary>
    public async Task ApplyAllAsync()
    {
        var batches = ExecutionBatches.Split(_changes.Count, _config);
        for (var b = 0; b < batches.Count; b++)
        {
            if (b > 0 && _config.DelayBetweenBatches > 0 && !ShouldStop())
            {
                await DelayAsync();
            }

            if (ShouldStop())
            {
                break;
            }

            foreach (var wave in ExecutionBatches.Waves(batches[b], _changes))
            {
                await RunWaveAsync(wave, ApplyItemAsync);
                if (ShouldStop())
                {
                    break;
                }
            }

            if (b == 0 && _config.Canary && _outcomes[0] != ItemOutcome.Applied)
            {
                RequestStop(StopReason.CanaryFailed, $"the canary {_changes[0].Subject} was not applied ({_messages[0] ?? "not run"})");
            }

            var processed = Volatile.Read(ref _processed);
            ExecutionLog.BatchDone(_logger, _plan.Id, b + 1, batches.Count, processed, _changes.Count);
        }
    }

    /// <summary>Counts the items the run never reached, so progress still ends at its total.</summary>
    public void MarkNotRun()
    {
        var detail = StopDetail is { } stopped ? $"not run: the run stopped ({stopped})" : "not run";
        var count = 0;
        for (var i = 0; i < _outcomes.Length; i++)
        {
            if (_outcomes[i] == ItemOutcome.NotRun)
            {
                _messages[i] = detail;
                count++;
            }
        }

        Progress.Advance(count, $"{count} change(s) not run");
    }

    /// <summary>
    /// Undoes every applied change in undo order. False when host shutdown interrupted it: the changes not reached
    /// stay applied (and journaled as such).
    /// </summary>
    public async Task<bool> RollbackAsync()
    {
        var order = ExecutionBatches.UndoOrder(Enumerable.Range(0, _changes.Count).Where(i => _outcomes[i] == ItemOutcome.Applied), _changes);
        ExecutionLog.RollbackStarted(_logger, order.Count, _plan.Id);
        Progress.AddToTotal(order.Count);
        for (var step = 0; step < order.Count; step++)
        {
            if (_request.HostStopping.IsCancellationRequested)
            {
                Progress.Advance(order.Count - step, $"rollback interrupted by host shutdown; {order.Count - step} change(s) stay applied");
                return false;
            }

            await UndoItemAsync(order[step]);
        }

        var undone = Count(ItemOutcome.Undone);
        ExecutionLog.RollbackFinished(_logger, _plan.Id, undone, order.Count - undone);
        return true;
    }

    public ExecutionResult Result(BulkTaskStatus status, string? error, string? backupId = null, string? journalPath = null, bool interrupted = false) => new()
    {
        TaskStatus = status,
        DryRun = _request.DryRun,
        ConfirmedBy = _request.ConfirmedBy,
        BackupId = backupId,
        JournalPath = journalPath,
        Interrupted = interrupted,
        Items = [.. Enumerable.Range(0, _changes.Count).Select(i => new ItemResult(i, _changes[i].Subject, _outcomes[i], _messages[i]))],
        Skipped = _plan.Skipped.Count,
        Error = error,
    };

    /// <summary>True once the run must start no new item; a cancellation becomes the stop reason here.</summary>
    public bool ShouldStop()
    {
        if (_stop.IsCancellationRequested)
        {
            RequestStop(StopReason.Cancelled, _request.HostStopping.IsCancellationRequested ? "host shutdown" : "cancelled");
        }

        lock (_gate)
        {
            return _reason != StopReason.None;
        }
    }

    /// <summary>The first reason wins.</summary>
    public void RequestStop(StopReason reason, string detail)
    {
        lock (_gate)
        {
            if (_reason != StopReason.None)
            {
                return;
            }

            _reason = reason;
            _stopDetail = detail;
        }

        ExecutionLog.RunStopping(_logger, _plan.Id, reason, detail);
    }

    /// <summary>Appends to the journal; false (logged) when the journal cannot take the line.</summary>
    public async Task<bool> TryJournalAsync(JournalEntry entry)
    {
        if (Journal is null)
        {
            return false;
        }

        try
        {
            await Journal.AppendAsync(entry, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            ExecutionLog.JournalFailed(_logger, e, Journal.Path);
            return false;
        }
    }

    private async Task RunWaveAsync(IReadOnlyList<int> wave, Func<int, Task> item)
    {
        if (wave.Count == 1 || _config.MaxParallel == 1)
        {
            foreach (var index in wave)
            {
                if (ShouldStop())
                {
                    return;
                }

                await item(index);
            }

            return;
        }

        // No token: items already started always finish; ShouldStop keeps new ones from starting.
        await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = _config.MaxParallel }, async (index, _) =>
        {
            if (!ShouldStop())
            {
                await item(index);
            }
        });
    }

    private async Task DelayAsync()
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(_config.DelayBetweenBatches), _time, _stop);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // ShouldStop records the cancellation.
        }
    }

    private async Task DryRunItemAsync(int index)
    {
        var change = _changes[index];
        try
        {
            var live = await change.ReadStateAsync(_gateway, _stop);
            if (PlannedChange.SameState(live, change.Before))
            {
                Finish(index, ItemOutcome.WouldApply, change.Describe());
            }
            else
            {
                Finish(index, ItemOutcome.Conflict, ConflictText(change.Before, live));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Not reached: stays NotRun.
        }
        catch (Exception e)
        {
            if (e is RegistryAccessDeniedException)
            {
                RequestStop(StopReason.AccessDenied, e.Message);
            }

            Finish(index, ItemOutcome.Failed, e.Message);
        }
    }

    private async Task ApplyItemAsync(int index)
    {
        var change = _changes[index];
        var subject = change.Subject;
        try
        {
            var live = await change.ReadStateAsync(_gateway, CancellationToken.None);
            if (!PlannedChange.SameState(live, change.Before))
            {
                await TryJournalAsync(new ConflictEntry(index, subject, change.Before, live));
                Finish(index, ItemOutcome.Conflict, ConflictText(change.Before, live));
                return;
            }

            if (!await TryJournalAsync(new ApplyingEntry(index, subject)))
            {
                RequestStop(StopReason.JournalFailed, "the journal could not be written");
                Finish(index, ItemOutcome.Failed, "the journal could not be written, so nothing was sent");
                return;
            }

            var steps = new JournalStepRecorder(Journal!, index, subject);
            await _guard.RunAsync(change, steps, () => change.ApplyAsync(_gateway, steps, CancellationToken.None));
            var after = await change.ReadStateAsync(_gateway, CancellationToken.None);
            if (!PlannedChange.SameState(after, change.After))
            {
                var failure = $"verification failed: expected {Show(change.After)} after the change, found {Show(after)}";
                await TryJournalAsync(new FailedEntry(index, subject, failure));
                Finish(index, ItemOutcome.Failed, failure);
                return;
            }

            if (!await TryJournalAsync(new AppliedEntry(index, subject, change.Before, change.After)))
            {
                RequestStop(StopReason.JournalFailed, $"the journal could not record that {subject} was applied");
            }

            Finish(index, ItemOutcome.Applied, change.Describe());
        }
        catch (Exception e)
        {
            if (e is RegistryAccessDeniedException)
            {
                RequestStop(StopReason.AccessDenied, e.Message);
            }

            await TryJournalAsync(new FailedEntry(index, subject, e.Message));
            Finish(index, ItemOutcome.Failed, e.Message);
        }
    }

    private async Task UndoItemAsync(int index)
    {
        var change = _changes[index];
        var subject = change.Subject;
        try
        {
            var live = await change.ReadStateAsync(_gateway, CancellationToken.None);
            if (!PlannedChange.SameState(live, change.After))
            {
                await TryJournalAsync(new UndoConflictEntry(index, subject, change.After, live));
                FinishUndo(index, ItemOutcome.UndoConflict, $"changed since it was applied: expected {Show(change.After)}, found {Show(live)}; left as it is");
                return;
            }

            // Undoing makes the registry safer, so it goes ahead even if the journal cannot take the line (logged).
            await TryJournalAsync(new UndoingEntry(index, subject));
            var steps = Journal is null ? IStepRecorder.None : new JournalStepRecorder(Journal, index, subject);
            var backup = Backup?.Find(change.Target.ToString());
            await _guard.RunAsync(change, steps, () => change.UndoAsync(_gateway, backup, steps, CancellationToken.None));
            var after = await change.ReadStateAsync(_gateway, CancellationToken.None);
            if (!PlannedChange.SameState(after, change.Before))
            {
                var failure = $"undo verification failed: expected {Show(change.Before)}, found {Show(after)}";
                await TryJournalAsync(new UndoFailedEntry(index, subject, failure));
                FinishUndo(index, ItemOutcome.UndoFailed, failure);
                return;
            }

            await TryJournalAsync(new UndoneEntry(index, subject));
            FinishUndo(index, ItemOutcome.Undone, "undone: " + change.Describe());
        }
        catch (Exception e)
        {
            await TryJournalAsync(new UndoFailedEntry(index, subject, e.Message));
            FinishUndo(index, ItemOutcome.UndoFailed, e.Message);
        }
    }

    private void Finish(int index, ItemOutcome outcome, string message)
    {
        var subject = _changes[index].Subject;
        var error = outcome is ItemOutcome.Failed or ItemOutcome.Conflict;
        _outcomes[index] = outcome;
        _messages[index] = message;
        int processed;
        int errors;
        lock (_gate)
        {
            processed = ++_processed;
            errors = error ? ++_errors : _errors;
        }

        if (error)
        {
            ExecutionLog.ItemFailed(_logger, _plan.Id, index, subject, message);
        }
        else
        {
            ExecutionLog.ItemDone(_logger, _plan.Id, index, subject, outcome);
        }

        Progress.Step($"{subject}: {Word(outcome)}");
        if (_request.DryRun)
        {
            return;
        }

        if (error && _config.RollbackOnError)
        {
            RequestStop(StopReason.Error, $"{subject}: {message}");
        }

        if (processed >= PlanExecutor.MinItemsForErrorRate && (double)errors / processed > _config.ErrorRateThreshold)
        {
            RequestStop(StopReason.ErrorRate, $"{errors} of {processed} processed item(s) failed or were in conflict, above the threshold {_config.ErrorRateThreshold:0.##}");
        }
    }

    private void FinishUndo(int index, ItemOutcome outcome, string message)
    {
        _outcomes[index] = outcome;
        _messages[index] = message;
        ExecutionLog.ItemDone(_logger, _plan.Id, index, _changes[index].Subject, outcome);
        Progress.Step($"{_changes[index].Subject}: {Word(outcome)}");
    }

    private static string ConflictText(JsonNode? expected, JsonNode? live) =>
        $"changed since the plan: expected {Show(expected)}, found {Show(live)}; left as it is";

    private static string Show(JsonNode? state)
    {
        var text = state?.ToJsonString() ?? "none";
        return text.Length <= MaxStateShown ? text : text[..MaxStateShown] + "…";
    }

    private static string Word(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.WouldApply => "would apply",
        ItemOutcome.UndoConflict => "undo conflict",
        ItemOutcome.UndoFailed => "undo failed",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
