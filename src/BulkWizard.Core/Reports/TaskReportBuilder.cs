using System.Text.Json;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;

namespace BulkWizard.Core.Reports;

/// <summary>
/// Builds the report of a finished run from its plan (each change's before and after) and its journal (each item's
/// last outcome, for every item of a real run); a dry run has no journal, so its outcomes come from its result, which
/// keeps the first <see cref="ExecutionResult.ItemsKept"/> items.
/// </summary>
public static class TaskReportBuilder
{
    public const string NotRecorded = "not_recorded";

    /// <exception cref="ArgumentException">The task has not finished; the message names <c>task_id</c>.</exception>
    public static async Task<TaskReport> BuildAsync(BulkTask task, OperationPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(plan);
        if (!task.IsFinished || task.Result is not { } result)
        {
            throw new ArgumentException($"task_id: task {task.Id} has not finished; get_task_status follows it, and its report is ready when it has.");
        }

        var kept = result.Items.ToDictionary(i => i.Index);
        var journaled = result.JournalPath is { } path && File.Exists(path)
            ? await JournaledOutcomesAsync(path, cancellationToken)
            : null;
        var items = new List<TaskReportItem>(plan.Changes.Count);
        for (var index = 0; index < plan.Changes.Count; index++)
        {
            var change = plan.Changes[index];
            var (outcome, message) = journaled is not null
                ? Journaled(journaled, index, kept.GetValueOrDefault(index))
                : kept.TryGetValue(index, out var item)
                    ? (Name(item.Outcome), IsAsPlanned(item.Outcome) ? null : item.Message)
                    : (NotRecorded, $"the result of a dry run keeps its first {ExecutionResult.ItemsKept} items; the counts cover this one");
            items.Add(new TaskReportItem(index, change.Subject, change.Registry, change.Describe(), change.Before?.DeepClone(), change.After?.DeepClone(), outcome, message));
        }

        return new TaskReport
        {
            TaskId = task.Id,
            PlanId = plan.Id,
            PlanHash = plan.Hash,
            Title = plan.Title,
            OperationType = plan.OperationType,
            Registry = plan.Registry,
            Status = Snake(task.Status.ToString()),
            DryRun = result.DryRun,
            ConfirmedBy = result.ConfirmedBy,
            StartedAt = task.StartedAt,
            FinishedAt = task.FinishedAt,
            BackupId = result.BackupId,
            Summary = result.Summary,
            OutcomesFrom = journaled is not null ? "journal" : "result",
            Outcomes = items.GroupBy(i => i.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Items = items,
            Skipped = plan.Skipped,
        };
    }

    /// <summary>
    /// The journal's outcome; the reason the run gave, when it kept the item, says more for a failure or a conflict
    /// (what it tried, and that nothing of it stayed).
    /// </summary>
    private static (string Outcome, string? Message) Journaled(Dictionary<int, (string Outcome, string? Message)> journaled, int index, ItemResult? kept)
    {
        var (outcome, message) = journaled.GetValueOrDefault(index, (Name(ItemOutcome.NotRun), "not reached: the run stopped before it"));
        var explained = kept is { Message: not null } && Name(kept.Outcome) == outcome
            && kept.Outcome is ItemOutcome.Failed or ItemOutcome.Conflict or ItemOutcome.UndoFailed or ItemOutcome.UndoConflict or ItemOutcome.NotRun;
        return (outcome, explained ? kept!.Message : message);
    }

    /// <summary>Each item's last outcome in the journal (applied, then perhaps undone by the rollback), with its reason.</summary>
    private static async Task<Dictionary<int, (string Outcome, string? Message)>> JournaledOutcomesAsync(string path, CancellationToken cancellationToken)
    {
        var history = await ExecutionJournalReader.ReadAsync(path, cancellationToken);
        var outcomes = new Dictionary<int, (string, string?)>();
        foreach (var entry in history.Entries.OfType<ItemEntry>())
        {
            (string, string?)? outcome = entry switch
            {
                AppliedEntry => (Name(ItemOutcome.Applied), null),
                UndoneEntry => (Name(ItemOutcome.Undone), "applied, then undone by the rollback"),
                FailedEntry failed => (Name(ItemOutcome.Failed), failed.Error),
                UndoFailedEntry failed => (Name(ItemOutcome.UndoFailed), failed.Error),
                ConflictEntry conflict => (Name(ItemOutcome.Conflict), $"expected {Show(conflict.Expected)}, found {Show(conflict.Actual)}"),
                UndoConflictEntry conflict => (Name(ItemOutcome.UndoConflict), $"changed since it was applied: expected {Show(conflict.Expected)}, found {Show(conflict.Actual)}"),
                _ => null,
            };
            if (outcome is { } known)
            {
                outcomes[entry.Index] = known;
            }
        }

        return outcomes;
    }

    private static bool IsAsPlanned(ItemOutcome outcome) => outcome is ItemOutcome.Applied or ItemOutcome.WouldApply;

    private static string Name(ItemOutcome outcome) => Snake(outcome.ToString());

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static string Show(System.Text.Json.Nodes.JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
