using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>Polls <c>get_task_status</c> until the task is no longer pending or running.</summary>
internal static class TaskPolling
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Limit = TimeSpan.FromHours(3);

    /// <summary>The task as <c>get_task_status</c> returned it once finished.</summary>
    public static async Task<JsonObject> WaitFinishedAsync(this McpSession session, string taskId, TimeSpan interval)
    {
        using var deadline = new CancellationTokenSource(Limit);
        using var tick = new PeriodicTimer(interval);
        while (true)
        {
            var status = await session.CallToolAsync("get_task_status", new JsonObject { ["task_id"] = taskId }, CallTimeout);
            if (status.Str("status") is not ("pending" or "running"))
            {
                return status;
            }

            if (!await tick.WaitForNextTickAsync(deadline.Token))
            {
                throw new TimeoutException($"task {taskId} still {status.Str("status")} after {Limit}");
            }
        }
    }

    /// <summary>What the server itself says the run took: from the task's creation to its finish.</summary>
    public static TimeSpan? ServerDuration(JsonObject task) =>
        task["created_at"] is { } created && task["finished_at"] is { } finished
            ? finished.GetValue<DateTimeOffset>() - created.GetValue<DateTimeOffset>()
            : null;
}
