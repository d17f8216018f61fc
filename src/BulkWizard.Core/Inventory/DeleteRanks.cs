using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Inventory;

/// <summary>
/// The rank of each subject's deletes: 0 when no other deleted version references its deleted versions, else one more
/// than the highest rank among those referrers' subjects. Plans run ranks in ascending order (referrers deleted first)
/// and undo them in descending order (referenced subjects restored first).
/// </summary>
internal sealed class DeleteRanks(RegistryVersions registry, HashSet<VersionKey> deleting)
{
    private readonly Dictionary<QualifiedSubject, int> _ranks = [];

    public int Of(QualifiedSubject subject)
    {
        if (_ranks.TryGetValue(subject, out var known))
        {
            return known;
        }

        // References form no cycles (a schema can only reference versions that existed before it), so this ends.
        var rank = 0;
        foreach (var version in registry.VersionsOf(subject))
        {
            var key = new VersionKey(subject, version.Version);
            if (!deleting.Contains(key))
            {
                continue;
            }

            foreach (var referrer in registry.ReferrersOf(key))
            {
                if (referrer.Subject != subject && deleting.Contains(referrer))
                {
                    rank = Math.Max(rank, Of(referrer.Subject) + 1);
                }
            }
        }

        return _ranks[subject] = rank;
    }
}
