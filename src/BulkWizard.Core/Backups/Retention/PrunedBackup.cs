namespace BulkWizard.Core.Backups.Retention;

/// <summary>A backup the retention policy looked at: removed, or kept although the policy would remove it, and why.</summary>
public sealed record PrunedBackup(string BackupId, DateTimeOffset CreatedAt, string Reason)
{
    public override string ToString() => $"{BackupId} ({Reason})";
}
