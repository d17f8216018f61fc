namespace BulkWizard.Core.Backups;

/// <summary>One line of a backup listing.</summary>
/// <param name="Problem">
/// Why the backup cannot be used (missing file, checksum mismatch); null when listing saw no problem. Listing
/// reads the summary only: loading verifies the checksum.
/// </param>
public sealed record BackupSummary(
    string Id,
    string Registry,
    string PlanId,
    string OperationType,
    DateTimeOffset CreatedAt,
    int SubjectCount,
    int VersionCount,
    string? Problem = null)
{
    /// <summary><c>archive</c> for the archive of a version archival (<c>ar_…</c>), <c>backup</c> for the backup of any other run.</summary>
    public string Kind => BackupId.IsArchive(Id) ? "archive" : "backup";

    public static BackupSummary Of(Backup backup) =>
        new(backup.Id, backup.Registry, backup.PlanId, backup.OperationType, backup.CreatedAt, backup.Subjects.Count, backup.VersionCount);
}
