namespace BulkWizard.Core.Backups;

/// <summary>
/// <c>backup.json</c> of a backup written entry by entry (format 2): what the backup is of, and its counts. The
/// entries themselves are the lines of <c>entries.jsonl</c>, each written before the write it backs up.
/// </summary>
/// <param name="Registries">Every registry with entries in the backup, the backup's own first.</param>
public sealed record BackupManifest(
    string Id,
    string Registry,
    string PlanId,
    string OperationType,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Registries,
    int SubjectCount,
    int VersionCount)
{
    public const int Format = 2;

    /// <summary>The pace of the run that took the backup (batches, parallelism, delay, canary): a restore runs at it too.</summary>
    public Plans.BulkOperationConfig? RunConfig { get; init; }

    public int BackupFormat { get; init; } = Format;
}
