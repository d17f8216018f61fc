namespace BulkWizard.Core.Reports;

/// <summary>
/// What a finished run did, item by item: every change of its plan with before and after and its outcome, the
/// counts per outcome, the skipped subjects of the plan and the run's backup.
/// </summary>
public sealed record TaskReport
{
    public required string TaskId { get; init; }

    public required string PlanId { get; init; }

    public required string PlanHash { get; init; }

    public required string Title { get; init; }

    public required string OperationType { get; init; }

    public required string Registry { get; init; }

    /// <summary>The task's final status (<c>completed</c>, <c>failed</c>, <c>rolled_back</c>, …).</summary>
    public required string Status { get; init; }

    public required bool DryRun { get; init; }

    public required string ConfirmedBy { get; init; }

    public required DateTimeOffset? StartedAt { get; init; }

    public required DateTimeOffset? FinishedAt { get; init; }

    public required string? BackupId { get; init; }

    public required string Summary { get; init; }

    /// <summary>Where the outcomes come from: the run's journal (every item) or its result (the first items it keeps).</summary>
    public required string OutcomesFrom { get; init; }

    /// <summary>Items per outcome, over every item.</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required IReadOnlyList<TaskReportItem> Items { get; init; }

    public required IReadOnlyList<Plans.SkippedSubject> Skipped { get; init; }
}
