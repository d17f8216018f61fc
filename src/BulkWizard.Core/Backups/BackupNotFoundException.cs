namespace BulkWizard.Core.Backups;

/// <summary>No backup has this id, or the id is not one BulkWizard makes.</summary>
public sealed class BackupNotFoundException(string backupId, string reason)
    : Exception($"Backup '{backupId}' not found: {reason}")
{
    public string BackupId { get; } = backupId;
}
