using BulkWizard.Core.Execution;
using BulkWizard.Core.Tasks;

namespace BulkWizard.Server.Tools.Results;

/// <summary>
/// A task as <c>get_task_status</c> shows it; <see cref="Result"/> once it has run. A scheduled task has its
/// <see cref="StartAt"/>; one not run because its plan changed names the new plan in <see cref="Replanned"/>.
/// </summary>
public sealed record TaskSnapshot(
    string TaskId,
    string PlanId,
    string Registry,
    string OperationType,
    string Status,
    int Processed,
    int TotalItems,
    string Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TaskOutcome? Result,
    DateTimeOffset? StartAt,
    ReplannedPlan? Replanned)
{
    /// <summary>The task, with every item its result kept, as an MCP resource (resources/read).</summary>
    public string ResourceUri => Resources.ResourceUris.Task(TaskId);

    public static TaskSnapshot From(BulkTask task, int itemsShown = TaskOutcome.ItemsShown) => new(
        task.Id,
        task.PlanId,
        task.Registry,
        task.OperationType,
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(task.Status.ToString()),
        task.Processed,
        task.TotalItems,
        task.Message,
        task.CreatedAt,
        task.StartedAt,
        task.FinishedAt,
        task.Result is { } result ? TaskOutcome.From(result, itemsShown) : null,
        task.StartAt,
        task.Replanned);
}
