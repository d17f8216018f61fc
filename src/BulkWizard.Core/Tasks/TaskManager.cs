using System.Collections.Concurrent;
using System.Security.Cryptography;
using BulkWizard.Core.Execution;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Tasks;

/// <summary>
/// The executions of this process. A task runs on its own cancellation source: the tool call that
/// started it never reaches it, so a client timing out a call cannot abort or roll back a run.
/// </summary>
public sealed partial class TaskManager(TimeProvider clock, ILogger<TaskManager> logger)
{
    private readonly ConcurrentDictionary<string, BulkTask> _tasks = new(StringComparer.Ordinal);

    public BulkTask Start(string planId, string registry, string operationType, int totalItems, Func<BulkTask, CancellationToken, Task<ExecutionResult>> run)
    {
        var task = new BulkTask("task_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), planId, registry, operationType, clock.GetUtcNow());
        _tasks[task.Id] = task;
        task.MarkRunning(clock.GetUtcNow(), totalItems);
        _ = Task.Run(() => RunAsync(task, run), CancellationToken.None);
        return task;
    }

    public BulkTask? Find(string id) => _tasks.GetValueOrDefault(id);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<BulkTask> List() => [.. _tasks.Values.OrderByDescending(t => t.CreatedAt)];

    /// <summary>Asks a running task to stop: in-flight items finish, then it rolls back if its config says so. False when unknown or finished.</summary>
    public bool Cancel(string id)
    {
        if (!_tasks.TryGetValue(id, out var task) || task.IsFinished)
        {
            return false;
        }

        task.Cancellation.Cancel();
        return true;
    }

    /// <summary>Host shutdown: cancels every running task and waits for them to wind down (restoring modes, marking journals).</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        var running = _tasks.Values.Where(t => !t.IsFinished).ToList();
        foreach (var task in running)
        {
            await task.Cancellation.CancelAsync();
        }

        await Task.WhenAll(running.Select(t => t.Completion)).WaitAsync(cancellationToken);
    }

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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} stopped on an unexpected error")]
    private static partial void LogTaskCrashed(ILogger logger, Exception exception, string taskId);
}
