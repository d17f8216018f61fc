using BulkWizard.Core.Inventory;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// The versions a cleanup would delete from one subject before reference safety: every live version (soft), or every
/// version (permanent); with <c>keep_last</c> N, all but the newest N live versions, and with permanent also the
/// soft-deleted ones (they are outside the kept N).
/// </summary>
internal static class CleanupCandidates
{
    public static IEnumerable<VersionFacts> Of(IReadOnlyList<VersionFacts> versions, CleanupRequest request)
    {
        var kept = request.KeepLast is { } keep && request.Type.KeepsNewest
            ? versions.Where(v => !v.Deleted).OrderByDescending(v => v.Version).Take(keep).Select(v => v.Version).ToHashSet()
            : [];
        return versions.Where(v => !kept.Contains(v.Version) && (request.Permanent || !v.Deleted) && (request.OlderThan is not { } cutoff || v.WrittenAt < cutoff));
    }

    /// <summary>Why a subject has nothing to delete, for the preview's skipped list.</summary>
    public static string NothingToDelete(IReadOnlyList<VersionFacts> versions, CleanupRequest request)
    {
        var live = versions.Count(v => !v.Deleted);
        return versions.Count == 0 ? "no versions left"
            : live == 0 ? "already soft-deleted (permanent: true deletes it for good)"
            : request.OlderThan is { } cutoff ? $"no version outside the newest {request.KeepLast} last written before {cutoff:yyyy-MM-dd}"
            : $"{live} live version(s), all within the newest {request.KeepLast} kept";
    }
}
