namespace BulkWizard.Core.Tasks;

public enum BulkTaskStatus
{
    Pending,

    /// <summary>Confirmed to run later (<c>start_at</c>): waiting for its time; cancel_task ends the wait.</summary>
    Scheduled,
    Running,

    /// <summary>Running, held between two batches by <c>pause_task</c> until <c>resume_task</c>.</summary>
    Paused,
    Completed,
    Failed,
    Cancelled,
    RolledBack,
    RollbackFailed,

    /// <summary>Scheduled, but no server was running at its time: never run late.</summary>
    Missed,

    /// <summary>Scheduled, but at its time the plan's answers planned something else: not run; the new plan is offered instead.</summary>
    PlanChanged,
}
