using BulkWizard.Core.Tasks;

namespace BulkWizard.Core.Execution;

/// <summary>
/// The result of a run, in the seed's shape (<see cref="Status"/> success or failed, <see cref="Processed"/>,
/// <see cref="Error"/>) plus what was applied, undone, failed, skipped or in conflict, item by item.
/// </summary>
public sealed record ExecutionResult
{
    public const int FirstErrorsShown = 5;

    /// <summary>Items a result lists one by one; the counts cover every item.</summary>
    public const int ItemsKept = 1000;

    public required BulkTaskStatus TaskStatus { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>Who confirmed: <c>user (elicitation)</c> or <c>assistant (tool call)</c>.</summary>
    public required string ConfirmedBy { get; init; }

    public string? BackupId { get; init; }

    /// <summary>The run's journal (beside the backup); null for a dry run or a run refused before it started.</summary>
    public string? JournalPath { get; init; }

    /// <summary>True when host shutdown stopped the run: its journal ends with <c>interrupted</c>.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The first <see cref="ItemsKept"/> items in plan order: a task's result stays small at any size.</summary>
    public required IReadOnlyList<ItemResult> Items { get; init; }

    /// <summary>How many items ended with each outcome, over the whole plan.</summary>
    public required IReadOnlyDictionary<ItemOutcome, int> Outcomes { get; init; }

    /// <summary>The first problems of the whole plan, <c>subject: message</c>.</summary>
    public required IReadOnlyList<string> FirstErrors { get; init; }

    /// <summary>Selected subjects the plan skipped (with reasons in the plan).</summary>
    public int Skipped { get; init; }

    public string? Error { get; init; }

    /// <summary>What the run wants known besides its outcome, e.g. that a registry could not hold the execution lease.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>How often the registry's pace slowed the run down (429, 50002, rising latency, the writes-per-minute ceiling).</summary>
    public RunSlowdowns Slowdowns { get; init; } = RunSlowdowns.None;

    public string Status => TaskStatus == BulkTaskStatus.Completed ? "success" : "failed";

    public int Processed => Outcomes.Where(o => o.Key != ItemOutcome.NotRun).Sum(o => o.Value);

    public int Applied => Count(ItemOutcome.Applied);

    public int WouldApply => Count(ItemOutcome.WouldApply);

    public int Undone => Count(ItemOutcome.Undone);

    public int Failed => Count(ItemOutcome.Failed) + Count(ItemOutcome.UndoFailed);

    public int Conflicts => Count(ItemOutcome.Conflict) + Count(ItemOutcome.UndoConflict);

    public string Summary => DryRun
        ? $"dry run: {WouldApply} would change, {Conflicts} in conflict, {Failed} failed, nothing changed"
        : $"{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(TaskStatus.ToString())}: {Applied} applied, {Undone} undone, {Failed} failed, {Conflicts} in conflict, {Skipped} skipped";

    private int Count(ItemOutcome outcome) => Outcomes.GetValueOrDefault(outcome);
}
