namespace BulkWizard.Core.Tasks;

public enum BulkTaskStatus
{
    Pending,
    Running,

    /// <summary>Running, held between two batches by <c>pause_task</c> until <c>resume_task</c>.</summary>
    Paused,
    Completed,
    Failed,
    Cancelled,
    RolledBack,
    RollbackFailed,
}
