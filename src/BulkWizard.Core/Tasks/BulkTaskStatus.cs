namespace BulkWizard.Core.Tasks;

public enum BulkTaskStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
    RolledBack,
    RollbackFailed,
}
