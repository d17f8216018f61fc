using BulkWizard.Core.Execution;

namespace BulkWizard.Server.Tools.Results;

/// <summary>
/// The seed's result shape (<c>status</c> success/failed, <c>processed</c>, <c>error</c>) with the backup,
/// the counts per outcome, the first errors, who confirmed, and how often the registry's pace slowed the run down. Items are listed up to <see cref="ItemsShown"/>.
/// <c>notices</c> says what the run wants known besides its outcome (a registry that could not hold the execution lease).
/// </summary>
public sealed record TaskOutcome(
    string Status,
    bool DryRun,
    int Processed,
    string? Error,
    string? BackupId,
    int Applied,
    int WouldApply,
    int Undone,
    int Failed,
    int Skipped,
    int Conflicts,
    IReadOnlyList<string> FirstErrors,
    string ConfirmedBy,
    string Summary,
    IReadOnlyList<ItemResult> Items,
    IReadOnlyList<string> Notices,
    RunSlowdowns Slowdowns)
{
    public const int ItemsShown = 50;

    /// <summary>The backup as an MCP resource (resources/read); null when the run took none.</summary>
    public string? BackupUri => BackupId is null ? null : Resources.ResourceUris.Backup(BackupId);

    public static TaskOutcome From(ExecutionResult result, int itemsShown = ItemsShown) => new(
        result.Status,
        result.DryRun,
        result.Processed,
        result.Error,
        result.BackupId,
        result.Applied,
        result.WouldApply,
        result.Undone,
        result.Failed,
        result.Skipped,
        result.Conflicts,
        result.FirstErrors,
        result.ConfirmedBy,
        result.Summary,
        [.. result.Items.Take(itemsShown)],
        result.Notices,
        result.Slowdowns);
}
