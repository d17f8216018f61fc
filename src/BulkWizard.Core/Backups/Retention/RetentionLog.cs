using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Backups.Retention;

internal static partial class RetentionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Backup retention ({Trigger}) removed {Count} backup(s) from {Folder}: {Removed}")]
    public static partial void Removed(ILogger logger, string trigger, int count, string folder, string removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup retention kept {BackupId}, which the policy would remove: {Reason}")]
    public static partial void KeptProtected(ILogger logger, string backupId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup retention could not remove {BackupId}")]
    public static partial void NotRemoved(ILogger logger, Exception exception, string backupId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup retention ({Trigger}) did not run to the end")]
    public static partial void Failed(ILogger logger, Exception exception, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup retention removed {Count} backup(s) but could not write the audit log: {Removed}")]
    public static partial void NotAudited(ILogger logger, Exception exception, int count, string removed);
}
