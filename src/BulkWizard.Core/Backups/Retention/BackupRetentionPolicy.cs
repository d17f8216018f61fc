namespace BulkWizard.Core.Backups.Retention;

/// <summary>How long backups of runs are kept. Both limits apply; null keeps backups of any age, or any number of them.</summary>
/// <param name="MaxAgeDays">Backups created more than this many days ago may be removed.</param>
/// <param name="MaxCount">Only the newest this many backups are kept (protected ones count among them).</param>
public sealed record BackupRetentionPolicy(int? MaxAgeDays = null, int? MaxCount = null)
{
    public static BackupRetentionPolicy KeepEverything { get; } = new();

    public bool KeepsEverything => MaxAgeDays is null && MaxCount is null;
}
