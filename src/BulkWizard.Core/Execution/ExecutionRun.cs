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
internal sealed partial class ExecutionRun
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

    /// <summary>Items that finished in this run, a change held back for its requirement (<see cref="PlannedChange.RequiresApplied"/>) included.</summary>
    private readonly bool[] _finished;

    /// <summary>Items whose apply got as far as writing: one that then failed may have left part of its change.</summary>
    private readonly bool[] _acted;
    private readonly TransientModeGuard _guard;
    private readonly RunPace _pace;
    private readonly Lock _gate = new();
    private int _processed;
    private int _errors;
    private StopReason _reason;
    private IReadOnlyDictionary<(string? Registry, string Subject), SubjectBackup>? _backupEntries;
    private string? _stopDetail;
    private readonly Dictionary<(string? Registry, string Subject), int> _indexByTarget = [];

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
        _finished = new bool[_changes.Count];
        _acted = new bool[_changes.Count];
        _guard = new TransientModeGuard(logger);
        for (var i = 0; i < _changes.Count; i++)
        {
            _indexByTarget.TryAdd((NameOf(_changes[i].Registry), _changes[i].Subject), i);
        }
        Progress = new ProgressReporter(request.Progress, _changes.Count, e => ExecutionLog.ProgressListenerFailed(logger, e));
        _pace = new RunPace(Progress);
    }

    /// <summary>Counts and notes the slowdowns of every registry the plan writes to, until disposed.</summary>
    public IDisposable WatchPace()
    {
        var others = _changes.Select(c => c.Registry).OfType<string>()
            .Where(name => !string.Equals(name, _gateway.Registry.Name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return _pace.Watch([_gateway, .. others.Select(name => _otherRegistries!.Get(name))]);
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
        var batches = ExecutionBatches.Split(_changes, _config);
        var canary = ExecutionBatches.CanaryIndex(_changes);
        for (var b = 0; b < batches.Count; b++)
        {
            if (b > 0 && _config.DelayBetweenBatches > 0 && !ShouldStop())
            {
                await DelayAsync();
            }

            if (b > 0 && _request.BetweenBatches is { } between && !ShouldStop())
            {
                await WaitBetweenBatchesAsync(between);
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

            if (b == 0 && _config.Canary && _outcomes[canary] != ItemOutcome.Applied)
            {
                RequestStop(StopReason.CanaryFailed, $"the canary {_changes[canary].Subject} was not applied ({_messages[canary] ?? "not run"})");
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
            if (_outcomes[i] == ItemOutcome.NotRun && !_finished[i])
            {
                _messages[i] = detail;
                count++;
            }
        }

        Progress.Advance(count, $"{count} change(s) not run");
    }

    /// <summary>
    /// Undoes every applied change in undo order, and every change that failed after it had started writing
    /// (<see cref="RollBackFailedAsync"/>). False when host shutdown interrupted it: the changes not reached stay
    /// applied (and journaled as such).
    /// </summary>
    public async Task<bool> RollbackAsync()
    {
        var order = ExecutionBatches.UndoOrder(
            Enumerable.Range(0, _changes.Count).Where(i => _outcomes[i] == ItemOutcome.Applied || (_outcomes[i] == ItemOutcome.Failed && _acted[i])), _changes);
        ExecutionLog.RollbackStarted(_logger, order.Count, _plan.Id);

        // One step per applied change; a failed one adds its step only when there is something of it to undo.
        Progress.AddToTotal(order.Count(i => _outcomes[i] == ItemOutcome.Applied));
        _backupEntries = Backup is null ? null : await Backup.ReadEntriesAsync(CancellationToken.None);
        for (var step = 0; step < order.Count; step++)
        {
            if (_request.HostStopping.IsCancellationRequested)
            {
                var left = order.Skip(step).Count(i => _outcomes[i] == ItemOutcome.Applied);
                Progress.Advance(left, $"rollback interrupted by host shutdown; {left} change(s) stay applied");
                return false;
            }

            if (_outcomes[order[step]] == ItemOutcome.Failed)
            {
                await RollBackFailedAsync(order[step]);
            }
            else
            {
                await RunItemAsync(order[step], ItemPass.Undo);
            }
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
        Slowdowns = _pace.Summary,
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

    private async Task WaitBetweenBatchesAsync(Func<CancellationToken, Task> between)
    {
        try
        {
            await between(_stop);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // ShouldStop records the cancellation.
        }
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

    private void Finish(int index, ItemOutcome outcome, string message)
    {
        var subject = _changes[index].Subject;
        var error = outcome is ItemOutcome.Failed or ItemOutcome.Conflict;
        _outcomes[index] = outcome;
        _messages[index] = Kept(index, outcome, message);
        _finished[index] = true;
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
