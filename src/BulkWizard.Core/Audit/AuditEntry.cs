namespace BulkWizard.Core.Audit;

/// <summary>One executed (not dry-run) operation, as the audit log keeps it.</summary>
/// <param name="Selection">What the plan acts on, as its title says it (e.g. <c>Set compatibility FULL on test-*</c>).</param>
/// <param name="ConfirmedBy">Who confirmed: a person in a form, or the assistant by a tool call.</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Registry,
    string Operation,
    string Selection,
    string PlanId,
    string PlanHash,
    string ConfirmedBy,
    string TaskId,
    string Status,
    int Applied,
    int Undone,
    int Failed,
    int Conflicts,
    int NotRun,
    string? BackupId);
