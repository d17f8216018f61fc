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
    private readonly IRegistryGatewayProvider? _otherRegistries;
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
    private IReadOnlyDictionary<(string? Registry, string Subject), SubjectBackup>? _backupEntries;
    private string? _stopDetail;

    public ExecutionRun(OperationPlan plan, IRegistryGateway gateway, ExecutionRequest request, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        _plan = plan;
        _changes = plan.Changes;
        _gateway = gateway;
        _otherRegistries = request.Registries;
        _request = request;
        _config = request.Config;
        _time = time;
        _logger = logger;
        _stop = stop;
        _outcomes = new ItemOutcome[_changes.Count];
        _messages = new string?[_changes.Count];
        _guard = new TransientModeGuard(logger);
        Progress = new ProgressReporter(request.Progress, _changes.Count, e => ExecutionLog.ProgressListenerFailed(logger, e));
    }

    public ProgressReporter Progress { get; }

    /// <summary>Where each target's state is backed up just before its write; null for a run without backup.</summary>
    public BackupWriter? Backup { get; set; }

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
            .Where(i => IsProblem(_outcomes[i]))
            .Select(i => $"{_changes[i].Subject}: {_messages[i]}")
            .FirstOrDefault();

    /// <summary>Re-reads every target and compares it with the plan's before; writes nothing.</summary>
    public async Task DryRunAsync() =>
        await RunWaveAsync([.. Enumerable.Range(0, _changes.Count)], index => RunItemAsync(index, ItemPass.DryRun));

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
                await RunWaveAsync(wave, index => RunItemAsync(index, ItemPass.Apply));
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
        _backupEntries = Backup is null ? null : await Backup.ReadEntriesAsync(CancellationToken.None);
        for (var step = 0; step < order.Count; step++)
        {
            if (_request.HostStopping.IsCancellationRequested)
            {
                Progress.Advance(order.Count - step, $"rollback interrupted by host shutdown; {order.Count - step} change(s) stay applied");
                return false;
            }

            await RunItemAsync(order[step], ItemPass.Undo);
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
        Items = [.. Enumerable.Range(0, Math.Min(_changes.Count, ExecutionResult.ItemsKept)).Select(i => new ItemResult(i, _changes[i].Subject, _outcomes[i], _messages[i]))],
        Outcomes = _outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count()),
        FirstErrors = [.. Enumerable.Range(0, _changes.Count).Where(i => IsProblem(_outcomes[i])).Take(ExecutionResult.FirstErrorsShown).Select(i => $"{_changes[i].Subject}: {_messages[i]}")],
        Skipped = _plan.Skipped.Count,
        Error = error,
    };

    /// <summary>A message is kept for the items a result lists and for every problem; the rest are counted only.</summary>
    private static string? Kept(int index, ItemOutcome outcome, string message) =>
        index < ExecutionResult.ItemsKept || IsProblem(outcome) ? message : null;

    private static bool IsProblem(ItemOutcome outcome) =>
        outcome is ItemOutcome.Failed or ItemOutcome.Conflict or ItemOutcome.UndoFailed or ItemOutcome.UndoConflict;

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

            if (!await TryJournalAsync(new AppliedEntry(index, subject, change.Before, change.After)))
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

    private void Finish(int index, ItemOutcome outcome, string message)
    {
        var subject = _changes[index].Subject;
        var error = outcome is ItemOutcome.Failed or ItemOutcome.Conflict;
        _outcomes[index] = outcome;
        _messages[index] = Kept(index, outcome, message);
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
        _messages[index] = Kept(index, outcome, message);
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
