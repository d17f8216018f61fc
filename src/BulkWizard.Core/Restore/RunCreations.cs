using BulkWizard.Core.Execution.Journal;

namespace BulkWizard.Core.Restore;

/// <summary>
/// The versions a run registered, from the typed <see cref="VersionCreatedEntry"/> lines of the journal beside its
/// backup, for items whose write started and that it did not undo (applied, failed part-way or interrupted mid-write),
/// whatever the change kind. A restore removes exactly these; versions others registered since the backup are kept.
/// </summary>
public static class RunCreations
{
    /// <returns>By registry (null: the backup's own) and subject.</returns>
    public static async Task<IReadOnlyDictionary<(string? Registry, string Subject), IReadOnlyList<VersionState>>> ReadAsync(string journalPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(journalPath))
        {
            return new Dictionary<(string?, string), IReadOnlyList<VersionState>>();
        }

        var history = await ExecutionJournalReader.ReadAsync(journalPath, cancellationToken);
        var applied = history.ActedNotUndone();
        return history.Entries.OfType<VersionCreatedEntry>()
            .Where(created => applied.Contains(created.Index))
            .GroupBy(created => (created.Registry, created.Subject))
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<VersionState>)[.. g.Select(created => new VersionState(created.Version, created.Id, false))]);
    }
}
