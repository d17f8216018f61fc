namespace BulkWizard.Core.Recovery;

/// <summary>
/// A run whose journal has no last line and whose process is gone: it was killed or crashed mid-way, and what it
/// applied is still in the registry.
/// </summary>
/// <param name="OperationId">The run's journal id: its backup's id, or the folder of a run taken without a backup.</param>
/// <param name="BackupId">The run's backup, or null for a run without one.</param>
/// <param name="Applied">Changes applied and not undone.</param>
/// <param name="InDoubt">Subjects whose write had started when the run stopped: applied, partly applied or not at all.</param>
/// <param name="NotRun">Changes the run never reached.</param>
/// <param name="TransientModes">Scopes the changes in doubt switch to a mode only while they run (e.g. IMPORT): they may still be in it.</param>
public sealed record InterruptedRun(
    string OperationId,
    string? BackupId,
    string PlanId,
    string? OperationType,
    string Registry,
    string TaskId,
    DateTimeOffset StartedAt,
    int TotalChanges,
    int Applied,
    IReadOnlyList<string> InDoubt,
    int NotRun,
    IReadOnlyList<string> TransientModes);
