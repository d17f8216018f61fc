using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Execution;

/// <summary>The executor's log lines. Registries appear by their configured name only, never by URL or credentials.</summary>
internal static partial class ExecutionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run of plan {PlanId} on registry {Registry} started: {Items} change(s), dry run {DryRun}, confirmed by {ConfirmedBy}")]
    public static partial void RunStarted(ILogger logger, string planId, string registry, int items, bool dryRun, string confirmedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {BackupId} of the targets plan {PlanId} wrote to is complete")]
    public static partial void BackupWritten(ILogger logger, string backupId, string planId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run of plan {PlanId}: batch {Batch} of {Batches} done, {Processed} of {Total} item(s) processed")]
    public static partial void BatchDone(ILogger logger, string planId, int batch, int batches, int processed, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollback of plan {PlanId} finished: {Undone} undone, {Left} left in place")]
    public static partial void RollbackFinished(ILogger logger, string planId, int undone, int left);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan {PlanId} item {Index} ({Subject}): {Outcome}")]
    public static partial void ItemDone(ILogger logger, string planId, int index, string subject, ItemOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} item {Index} ({Subject}) failed: {Error}")]
    public static partial void ItemFailed(ILogger logger, string planId, int index, string subject, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run of plan {PlanId} stops starting new items: {Reason} ({Detail})")]
    public static partial void RunStopping(ILogger logger, string planId, StopReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back {Count} applied change(s) of plan {PlanId}")]
    public static partial void RollbackStarted(ILogger logger, int count, string planId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mode of {Scope} put back to {Mode} after a change stopped half-way")]
    public static partial void ModePutBack(ILogger logger, string scope, string mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mode of {Scope} could not be put back to {Mode}; set it by hand")]
    public static partial void ModeNotPutBack(ILogger logger, Exception exception, string scope, string mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup {BackupId} of plan {PlanId} could not be sealed; its entries are in the run's journal")]
    public static partial void BackupNotSealed(ILogger logger, Exception exception, string backupId, string planId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interrupted operation {OperationId} was recovered but could not be marked so; it stays listed")]
    public static partial void RecoveryNotMarked(ILogger logger, Exception exception, string operationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal {Path} could not be written")]
    public static partial void JournalFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A progress listener failed; the run goes on")]
    public static partial void ProgressListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run of plan {PlanId} finished: {Summary}")]
    public static partial void RunFinished(ILogger logger, string planId, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run of plan {PlanId} was slowed down {Count} time(s) by the registry's pace: {Causes}")]
    public static partial void RunSlowedDown(ILogger logger, string planId, int count, string causes);
}
