using BulkWizard.Core.Execution;

namespace BulkWizard.Server.Tools.Results;

/// <summary>
/// The seed's result shape (<c>status</c> success/failed, <c>processed</c>, <c>error</c>) with the backup,
/// the counts per outcome, the first errors, who confirmed, and how often the registry's pace slowed the run down. Items are listed up to <see cref="ItemsShown"/>.
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
    RunSlowdowns Slowdowns)
{
    public const int ItemsShown = 50;

    public static TaskOutcome From(ExecutionResult result) => new(
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
        [.. result.Items.Take(ItemsShown)],
        result.Slowdowns);
}
