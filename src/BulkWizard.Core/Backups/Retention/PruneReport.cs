namespace BulkWizard.Core.Backups.Retention;

/// <summary>What one pass of the retention policy removed, and what it kept only because something may still need it.</summary>
public sealed record PruneReport(IReadOnlyList<PrunedBackup> Removed, IReadOnlyList<PrunedBackup> KeptProtected)
{
    public static PruneReport Nothing { get; } = new([], []);
}
