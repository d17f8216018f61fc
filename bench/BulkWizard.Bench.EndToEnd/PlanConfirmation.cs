using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>Plans through a tool and confirms plans with <c>confirm_bulk_operation</c>, timing each from the client's side.</summary>
internal static class PlanConfirmation
{
    private static readonly TimeSpan PlanningTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Calls a planning tool; returns the <c>plan</c> of its reply (status <c>planned</c>) and the call's time.</summary>
    public static async Task<(JsonObject Plan, TimeSpan Elapsed)> PlanAsync(this McpSession session, string tool, JsonObject arguments)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await session.CallToolAsync(tool, arguments, PlanningTimeout);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return reply.Str("status") == "planned" && reply["plan"] is JsonObject plan
            ? (plan, elapsed)
            : throw new InvalidOperationException($"{tool}: expected a plan, got {reply.ToJsonString()}");
    }

    /// <summary>Confirms <paramref name="plan"/>, then polls its task until it has finished; the time runs from the confirm call to the finished status.</summary>
    public static async Task<RunFigures> ConfirmAndWaitAsync(
        this McpSession session, string label, JsonObject plan, string? confirmation, bool dryRun, int waitSeconds, TimeSpan pollInterval)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await session.CallToolAsync("confirm_bulk_operation", new JsonObject
        {
            ["plan_id"] = plan.Need("plan_id"),
            ["plan_hash"] = plan.Need("plan_hash"),
            ["confirmation"] = confirmation,
            ["dry_run"] = dryRun,
            ["wait_seconds"] = waitSeconds,
        }, TimeSpan.FromSeconds(waitSeconds + 120));
        var finished = await session.WaitFinishedAsync(reply["task"].Need("task_id"), pollInterval);
        return new RunFigures(label, Stopwatch.GetElapsedTime(started), finished);
    }
}
