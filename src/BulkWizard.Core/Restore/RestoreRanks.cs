using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// The rank of each subject a restore puts back, so that references hold at every step: a subject whose backed-up
/// versions reference another one of the backup is restored after it (registered again, the referenced one must be
/// there), and a subject whose versions the restore removes is removed before the ones those versions reference (the
/// registry refuses to delete a referenced version). References stay within a registry.
/// </summary>
internal static class RestoreRanks
{
    /// <param name="liveReferences">Per backup entry, the references of each live version, by version number (null when not read).</param>
    /// <param name="removed">Per backup entry, the version numbers the restore removes.</param>
    public static Dictionary<(string? Registry, string Subject), int> Of(
        Backup backup, IReadOnlyList<IReadOnlyDictionary<int, IReadOnlyList<SchemaReference>>?> liveReferences, IReadOnlyList<IReadOnlyList<int>> removed)
    {
        var keys = backup.Subjects.Select(s => (s.Registry, s.Subject)).ToHashSet();
        var removedVersions = new HashSet<(string?, string, int)>();
        for (var i = 0; i < backup.Subjects.Count; i++)
        {
            foreach (var version in removed[i])
            {
                removedVersions.Add((backup.Subjects[i].Registry, backup.Subjects[i].Subject, version));
            }
        }

        // after[x] = the subjects that must be done before x.
        var after = keys.ToDictionary(k => k, _ => new HashSet<(string?, string)>());
        for (var i = 0; i < backup.Subjects.Count; i++)
        {
            var saved = backup.Subjects[i];
            var self = (saved.Registry, saved.Subject);
            foreach (var reference in saved.Versions.SelectMany(v => v.References))
            {
                var referenced = (saved.Registry, Qualify(reference.Subject, saved.Subject));
                if (referenced != self && keys.Contains(referenced))
                {
                    after[self].Add(referenced);
                }
            }

            foreach (var version in removed[i])
            {
                foreach (var reference in liveReferences[i]?.GetValueOrDefault(version) ?? [])
                {
                    var referenced = (saved.Registry, Qualify(reference.Subject, saved.Subject));
                    if (referenced != self && removedVersions.Contains((referenced.Registry, referenced.Item2, reference.Version)))
                    {
                        after[referenced].Add(self);
                    }
                }
            }
        }

        var ranks = new Dictionary<(string? Registry, string Subject), int>();
        foreach (var key in keys)
        {
            RankOf(key, after, ranks, []);
        }

        return ranks;
    }

    /// <summary>A reference without a context names a subject in the referrer's context.</summary>
    public static string Qualify(string referenced, string referrer)
    {
        var target = QualifiedSubject.Parse(referenced);
        var from = QualifiedSubject.Parse(referrer);
        return target.IsDefaultContext && !referenced.StartsWith(":.", StringComparison.Ordinal) && !from.IsDefaultContext
            ? new QualifiedSubject(from.Context, target.Name).ToString()
            : target.ToString();
    }

    private static int RankOf(
        (string?, string) key, Dictionary<(string?, string), HashSet<(string?, string)>> after, Dictionary<(string? Registry, string Subject), int> ranks, HashSet<(string?, string)> visiting)
    {
        if (ranks.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!visiting.Add(key))
        {
            // A cycle, which registries do not allow: nothing to order by.
            return -1;
        }

        var rank = after[key].Select(before => RankOf(before, after, ranks, visiting)).DefaultIfEmpty(-1).Max() + 1;
        visiting.Remove(key);
        ranks[key] = rank;
        return rank;
    }
}
