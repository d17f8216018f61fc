using System.Collections.Concurrent;
using System.Security.Cryptography;
using BulkWizard.Core.Execution;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Tasks;

/// <summary>
/// The executions of this process, and with <see cref="FinishedTasks"/> those finished by earlier processes. A task
/// runs on its own cancellation source: the tool call that started it never reaches it, so a client timing out a call
/// cannot abort or roll back a run.
/// </summary>
public sealed partial class TaskManager : IDisposable
{
    private readonly ConcurrentDictionary<string, BulkTask> _tasks = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly ILogger<TaskManager> logger;
    private readonly FinishedTasks? _finished;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;

    public TaskManager(TimeProvider clock, ILogger<TaskManager> logger, FinishedTasks? finished = null)
    {
        this.clock = clock;
        this.logger = logger;
        _finished = finished;
        _stoppingToken = _stopping.Token;
        foreach (var task in finished?.Load() ?? [])
        {
            _tasks[task.Id] = task;
        }
    }

    public BulkTask Start(string planId, string registry, string operationType, int totalItems, Func<BulkTask, CancellationToken, Task<ExecutionResult>> run)
    {
        var task = new BulkTask(NewId(), planId, registry, operationType, clock.GetUtcNow());
        _tasks[task.Id] = task;
        task.MarkRunning(clock.GetUtcNow(), totalItems);
        _ = Task.Run(() => RunAsync(task, run), CancellationToken.None);
        return task;
    }

    /// <summary>Cancelled when the host shuts down: a scheduled task stops waiting and stays scheduled for the next process.</summary>
    public CancellationToken Stopping => _stoppingToken;

    /// <summary>A new task id: <c>task_</c> and 16 hex digits.</summary>
    public static string NewId() => "task_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Lists a task that waits to start at <paramref name="startAt"/>; <see cref="StartScheduled"/> runs it, <see cref="FinishUnrunAsync"/> ends it unrun.</summary>
    public BulkTask AddScheduled(string id, string planId, string registry, string operationType, DateTimeOffset createdAt, DateTimeOffset startAt)
    {
        var task = BulkTask.Scheduled(id, planId, registry, operationType, createdAt, startAt);
        _tasks[task.Id] = task;
        return task;
    }

    /// <summary>Runs a scheduled task now, as <see cref="Start"/> runs a new one.</summary>
    public void StartScheduled(BulkTask task, int totalItems, Func<BulkTask, CancellationToken, Task<ExecutionResult>> run)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.MarkRunning(clock.GetUtcNow(), totalItems);
        _ = Task.Run(() => RunAsync(task, run), CancellationToken.None);
    }

    /// <summary>Ends a task that never ran (a scheduled one cancelled, missed, or whose plan changed), kept like any finished task.</summary>
    public async Task FinishUnrunAsync(BulkTask task, BulkTaskStatus status, string message, ReplannedPlan? replanned = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.FinishUnrun(status, message, clock.GetUtcNow(), replanned);

        // Listed once finished: a task reported missed at start-up is never seen as scheduled.
        _tasks[task.Id] = task;
        await KeepAsync(task);
        task.Complete();
    }

    public BulkTask? Find(string id) => _tasks.GetValueOrDefault(id);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<BulkTask> List() => [.. _tasks.Values.OrderByDescending(t => t.CreatedAt)];

    /// <summary>
    /// Asks a running task to stop: in-flight items finish, then it rolls back if its config says so. A scheduled task
    /// stops waiting and never runs. False when unknown or finished.
    /// </summary>
    public bool Cancel(string id)
    {
        if (!_tasks.TryGetValue(id, out var task) || task.IsFinished)
        {
            return false;
        }

        task.Cancellation.Cancel();
        return true;
    }

    /// <summary>Holds a running task at its next batch boundary; false when unknown or not running.</summary>
    public bool Pause(string id) => _tasks.TryGetValue(id, out var task) && task.Pause();

    /// <summary>Lets a paused task go on; false when unknown or not paused.</summary>
    public bool Resume(string id) => _tasks.TryGetValue(id, out var task) && task.Resume();

    /// <summary>
    /// Host shutdown: cancels every running task and waits for them to wind down (restoring modes, marking journals).
    /// Scheduled tasks are not cancelled: they stop waiting and their schedules stay for the next process.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var running = _tasks.Values.Where(t => !t.IsFinished && t.Status != BulkTaskStatus.Scheduled).ToList();
        foreach (var task in running)
        {
            await task.Cancellation.CancelAsync();
        }

        await Task.WhenAll(running.Select(t => t.Completion)).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(BulkTask task, Func<BulkTask, CancellationToken, Task<ExecutionResult>> run)
    {
        try
        {
            var result = await run(task, task.Cancellation.Token);
            task.Finish(result.TaskStatus, result, result.Summary, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            LogTaskCrashed(logger, e, task.Id);
            task.Finish(BulkTaskStatus.Failed, null, "failed: " + e.Message, clock.GetUtcNow());
        }

        // Kept before anyone waiting on it is released: a client that stops the server right after sees it next time.
        await KeepAsync(task);
        task.Complete();
    }

    private async Task KeepAsync(BulkTask task)
    {
        if (_finished is null)
        {
            return;
        }

        try
        {
            await _finished.SaveAsync(task, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogTaskNotKept(logger, e, task.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} could not be kept in the data directory; its status is lost at the next restart")]
    private static partial void LogTaskNotKept(ILogger logger, Exception exception, string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} stopped on an unexpected error")]
    private static partial void LogTaskCrashed(ILogger logger, Exception exception, string taskId);
}
