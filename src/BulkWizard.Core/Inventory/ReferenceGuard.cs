namespace BulkWizard.Core.Inventory;

/// <summary>
/// Keeps every version that a schema outside the cleanup still references: a soft delete is blocked by live referrers,
/// a permanent delete by any referrer, soft-deleted ones included (the registry refuses both with 42206). A version
/// kept this way becomes a referrer outside the cleanup itself, so what it references is checked again: linear in
/// the versions and references involved.
/// </summary>
internal static class ReferenceGuard
{
    /// <summary>Removes blocked versions from <paramref name="deleting"/>; returns each with the referrer that keeps it.</summary>
    public static Dictionary<VersionKey, VersionKey> Apply(HashSet<VersionKey> deleting, RegistryVersions registry, bool permanent)
    {
        var keptBy = new Dictionary<VersionKey, VersionKey>();
        var queue = new Queue<VersionKey>(deleting);
        while (queue.TryDequeue(out var version))
        {
            if (!deleting.Contains(version) || Blocker(version, deleting, registry, permanent) is not { } referrer)
            {
                continue;
            }

            deleting.Remove(version);
            keptBy[version] = referrer;
            foreach (var referenced in registry.Find(version)?.References ?? [])
            {
                if (deleting.Contains(referenced))
                {
                    queue.Enqueue(referenced);
                }
            }
        }

        return keptBy;
    }

    private static VersionKey? Blocker(VersionKey version, HashSet<VersionKey> deleting, RegistryVersions registry, bool permanent)
    {
        foreach (var referrer in registry.ReferrersOf(version))
        {
            if (!deleting.Contains(referrer) && (permanent || registry.Find(referrer) is { Deleted: false }))
            {
                return referrer;
            }
        }

        return null;
    }
}
