using BulkWizard.Core.Execution;

namespace BulkWizard.Core.Tasks;

/// <summary>
/// One execution of a plan, detached from the tool call that started it. Progress is published
/// through <see cref="Changed"/>; only <see cref="TaskManager.Cancel"/> and host shutdown stop it.
/// </summary>
public sealed class BulkTask(string id, string planId, string registry, string operationType, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public string PlanId { get; } = planId;

    public string Registry { get; } = registry;

    public string OperationType { get; } = operationType;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>
    /// Written last and read without the lock (volatile: release and acquire), so a reader that sees a finished status
    /// also sees the <see cref="Result"/>, <see cref="Message"/> and <see cref="FinishedAt"/> written before it.
    /// </summary>
    public BulkTaskStatus Status
    {
        get => _status;
        private set => _status = value;
    }

    private volatile BulkTaskStatus _status = BulkTaskStatus.Pending;

    public int Processed { get; private set; }

    public int TotalItems { get; private set; }

    public string Message { get; private set; } = "waiting to start";

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public ExecutionResult? Result { get; private set; }

    /// <summary>When a scheduled task is to start (UTC); null for a task started on confirmation.</summary>
    public DateTimeOffset? StartAt { get; private init; }

    /// <summary>The plan made when a scheduled task's time came and its plan no longer matched (status plan_changed).</summary>
    public ReplannedPlan? Replanned { get; private set; }

    /// <summary>Completes when the task has finished, whatever the outcome.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Raised after every change of progress or status, on the executor's thread.</summary>
    public event Action<BulkTask>? Changed;

    internal CancellationTokenSource Cancellation { get; } = new();

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsFinished => Status is not (BulkTaskStatus.Pending or BulkTaskStatus.Scheduled or BulkTaskStatus.Running or BulkTaskStatus.Paused);

    /// <summary>Completed by <see cref="Resume"/>; a run waits on it between batches while the task is paused.</summary>
    private TaskCompletionSource? _resumed;

    /// <summary>Holds the run at its next batch boundary; false when the task is not running.</summary>
    internal bool Pause()
    {
        lock (_gate)
        {
            if (Status != BulkTaskStatus.Running)
            {
                return false;
            }

            Status = BulkTaskStatus.Paused;
            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Message = "paused: the items in flight finish, then no new batch starts until resume_task";
        }

        Changed?.Invoke(this);
        return true;
    }

    /// <summary>Lets a paused run go on; false when the task is not paused.</summary>
    internal bool Resume()
    {
        TaskCompletionSource? resumed;
        lock (_gate)
        {
            if (Status != BulkTaskStatus.Paused)
            {
                return false;
            }

            Status = BulkTaskStatus.Running;
            Message = "resumed";
            resumed = _resumed;
            _resumed = null;
        }

        resumed?.TrySetResult();
        Changed?.Invoke(this);
        return true;
    }

    /// <summary>Returns at once unless the task is paused; then when it is resumed, or <paramref name="stop"/> (cancel_task, shutdown) fires.</summary>
    public Task WaitWhilePausedAsync(CancellationToken stop)
    {
        TaskCompletionSource? resumed;
        lock (_gate)
        {
            resumed = _resumed;
        }

        return resumed is null ? Task.CompletedTask : resumed.Task.WaitAsync(stop);
    }

    internal void MarkRunning(DateTimeOffset now, int total)
    {
        lock (_gate)
        {
            Status = BulkTaskStatus.Running;
            StartedAt = now;
            TotalItems = total;
            Message = "running";
        }

        Changed?.Invoke(this);
    }

    /// <summary>Progress only moves forward: a report below the current count keeps the count and updates the message.</summary>
    public void Report(int processed, int total, string message)
    {
        lock (_gate)
        {
            Processed = Math.Max(Processed, processed);
            TotalItems = Math.Max(TotalItems, total);
            Message = message;
        }

        Changed?.Invoke(this);
    }

    /// <summary>A task confirmed to start at <paramref name="startAt"/>, waiting for it.</summary>
    internal static BulkTask Scheduled(string id, string planId, string registry, string operationType, DateTimeOffset createdAt, DateTimeOffset startAt) =>
        new(id, planId, registry, operationType, createdAt)
        {
            StartAt = startAt,
            _status = BulkTaskStatus.Scheduled,
            Message = $"scheduled to start at {startAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; cancel_task cancels it",
        };

    /// <summary>A task finished by an earlier process, as the data directory kept it.</summary>
    internal static BulkTask Restored(FinishedTaskRecord record)
    {
        var task = new BulkTask(record.Id, record.PlanId, record.Registry, record.OperationType, record.CreatedAt)
        {
            StartedAt = record.StartedAt,
            Processed = record.Processed,
            TotalItems = record.TotalItems,
            StartAt = record.StartAt,
            Replanned = record.Replanned,
        };
        task.Finish(record.Status, record.Result, record.Message, record.FinishedAt ?? record.CreatedAt);
        task.Complete();
        return task;
    }

    /// <summary>Records the outcome; <see cref="Complete"/> then releases whoever waits on <see cref="Completion"/>.</summary>
    internal void Finish(BulkTaskStatus status, ExecutionResult? result, string message, DateTimeOffset now)
    {
        lock (_gate)
        {
            Result = result;
            Message = message;
            FinishedAt = now;
            Status = status;
        }

        Changed?.Invoke(this);
    }

    /// <summary>Finishes a task that never ran (a scheduled task cancelled, missed, or whose plan changed).</summary>
    internal void FinishUnrun(BulkTaskStatus status, string message, DateTimeOffset now, ReplannedPlan? replanned = null)
    {
        Replanned = replanned;
        Finish(status, null, message, now);
    }

    internal void Complete() => _completion.TrySetResult();
}
