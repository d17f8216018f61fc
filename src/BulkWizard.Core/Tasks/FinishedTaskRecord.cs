using BulkWizard.Core.Execution;

namespace BulkWizard.Core.Tasks;

/// <summary>A finished task as the data directory keeps it, so that it still answers after a restart.</summary>
internal sealed record FinishedTaskRecord(
    string Id,
    string PlanId,
    string Registry,
    string OperationType,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    BulkTaskStatus Status,
    int Processed,
    int TotalItems,
    string Message,
    ExecutionResult? Result,
    DateTimeOffset? StartAt = null,
    ReplannedPlan? Replanned = null);
