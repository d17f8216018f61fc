namespace BulkWizard.Core.Backups;

/// <summary>
/// A backup exists but cannot be trusted: its checksum does not match, its checksum is missing, or it
/// does not read back. Nothing may be restored from it.
/// </summary>
public sealed class BackupCorruptedException(string backupId, string reason, Exception? inner = null)
    : Exception($"Backup '{backupId}' is damaged and cannot be used: {reason}", inner)
{
    public string BackupId { get; } = backupId;
}
