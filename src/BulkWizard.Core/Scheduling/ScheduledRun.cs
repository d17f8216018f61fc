namespace BulkWizard.Core.Scheduling;

/// <summary>
/// A confirmed run waiting for its time, as the data directory keeps it (<c>schedules/</c>): enough for the next
/// process to list it, run it at <see cref="StartAt"/>, or report it missed.
/// </summary>
/// <param name="PlanHash">The confirmed plan's hash: what the plan made at <see cref="StartAt"/> must match.</param>
/// <param name="ConfirmedBy">Who confirmed it, as the journal and the audit log name them.</param>
public sealed record ScheduledRun(
    string TaskId,
    string PlanId,
    string PlanHash,
    string Registry,
    string OperationType,
    string ConfirmedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartAt);
