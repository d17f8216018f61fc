namespace BulkWizard.Core.Execution;

/// <summary>Refusals about run settings that the executor gives and that planners give earlier, in the same words.</summary>
public static class ExecutionRefusals
{
    public const string BackupNeededForRollback =
        "create_backup: false is refused while rollback_on_error is on, because a rollback puts subjects back from the backup. " +
        "Set create_backup to true, or rollback_on_error to false.";

    public const string DestructiveWithoutBackup =
        "create_backup: false is refused for this plan: it is destructive (it deletes, or switches modes to READONLY or IMPORT) " +
        "and without a backup nothing could put it back. Set create_backup to true.";
}
