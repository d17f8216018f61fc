namespace BulkWizard.Core.Execution;

/// <summary>What happened to one planned change.</summary>
public enum ItemOutcome
{
    /// <summary>Not reached: the run stopped before it.</summary>
    NotRun,

    /// <summary>Dry run: the live state matches the plan and the change would be made.</summary>
    WouldApply,

    Applied,

    /// <summary>The live state no longer matched the plan's before; left alone.</summary>
    Conflict,

    Failed,

    /// <summary>Applied, then undone by the rollback.</summary>
    Undone,

    /// <summary>Applied, but someone changed it since: the rollback left it alone.</summary>
    UndoConflict,

    /// <summary>Applied, and the rollback's attempt to undo it failed.</summary>
    UndoFailed,
}
