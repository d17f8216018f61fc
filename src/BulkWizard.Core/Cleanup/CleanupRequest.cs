namespace BulkWizard.Core.Cleanup;

/// <summary>What to clean up, from the answers: the type, soft or permanent, the versions to keep, removal of emptied contexts and of aliases left pointing at nothing.</summary>
/// <param name="Excluded">Subjects a review left out (e.g. active producers), with the reason shown among the skipped.</param>
internal sealed record CleanupRequest(CleanupType Type, bool Permanent, int? KeepLast, bool RemoveEmptyContext, bool RemoveDanglingAliases = false)
{
    public IReadOnlyDictionary<string, string> Excluded { get; init; } = new Dictionary<string, string>();

    /// <summary>Only versions last written before this time (a version archival's <c>older_than</c>); null: any age.</summary>
    public DateTimeOffset? OlderThan { get; init; }
}
