using System.Text.Json.Nodes;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests.Support;

public static class TaskPolling
{
    private static readonly string[] Finished = ["completed", "failed", "cancelled", "rolled_back", "rollback_failed", "missed", "plan_changed"];

    /// <summary>Polls get_task_status until the task has finished, failing after <paramref name="timeout"/>.</summary>
    public static async Task<JsonObject> WaitFinishedAsync(this McpClient client, string taskId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var status = await client.CallAsync("get_task_status", new() { ["task_id"] = taskId });
            if (Finished.Contains(status.Str("status")))
            {
                return status;
            }

            Assert.True(await tick.WaitForNextTickAsync(deadline.Token), $"task {taskId} still {status.Str("status")} after {timeout}");
        }
    }
}
