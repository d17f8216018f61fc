using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Inventory;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.SchemaUpdate;

namespace BulkWizard.Core.Migration;

/// <summary>
/// One source subject to remove after its copy: its own config and mode, the mode in effect when it blocks deletes
/// (null otherwise), and the copy that must have applied first (null: already in the target).
/// </summary>
internal sealed record SourceRemoval(QualifiedSubject Subject, JsonObject? OwnConfig, string? OwnMode, string? BlockingMode, ChangeTarget? Copy)
{
    public static SourceRemoval Of(SubjectSettings settings, ChangeTarget? copy) =>
        new(settings.Subject, settings.OwnConfig, settings.OwnMode, settings.BlocksWrites ? settings.EffectiveMode : null, copy);
}

/// <summary>
/// Removes each migrated subject from the source once its copy applied: whole subjects only, referrers first, and
/// never a subject that a schema staying in the source still references, nor one the registry would refuse to delete.
/// </summary>
internal static class SourceRemovals
{
    /// <returns>The removal changes, ranked from <paramref name="firstRank"/>; and the subjects kept in the source, with why.</returns>
    public static (List<SubjectCleanupChange> Removed, List<string> Kept) Plan(
        IReadOnlyList<SourceRemoval> removals, RegistryVersions source, bool permanent, int firstRank)
    {
        var kept = removals.Where(r => r.BlockingMode is not null).Select(r => $"{r.Subject} (mode {r.BlockingMode})").ToList();
        var removable = removals.Where(r => r.BlockingMode is null).ToDictionary(r => r.Subject);
        HashSet<VersionKey> deleting;
        while (true)
        {
            deleting = [.. removable.Keys.SelectMany(s => source.VersionsOf(s).Where(v => permanent || !v.Deleted).Select(v => new VersionKey(s, v.Version)))];
            var blocked = ReferenceGuard.Apply(deleting, source, permanent);
            var partly = blocked.Keys.Select(k => k.Subject).Distinct().ToList();
            if (partly.Count == 0)
            {
                break;
            }

            foreach (var subject in partly)
            {
                removable.Remove(subject);
                kept.Add($"{subject} (referenced by {blocked.First(k => k.Key.Subject == subject).Value})");
            }
        }

        var ranks = new DeleteRanks(source, deleting);
        var freed = permanent ? source.IdsFreedBy(deleting) : [];
        var removed = new List<SubjectCleanupChange>();
        foreach (var removal in removable.Values.OrderBy(r => ranks.Of(r.Subject)).ThenBy(r => r.Subject.ToString(), StringComparer.Ordinal))
        {
            var versions = source.VersionsOf(removal.Subject);
            var live = versions.Where(v => !v.Deleted).Select(v => v.Version).Order().ToList();
            if (!permanent && live.Count == 0)
            {
                continue;
            }

            var snapshot = new SubjectSnapshot([.. versions.OrderBy(v => v.Version).Select(v => new VersionState(v.Version, v.Id, v.Deleted))], removal.OwnConfig, removal.OwnMode);
            removed.Add(new SubjectCleanupChange(removal.Subject.ToString(), live, permanent ? [.. versions.Select(v => v.Version).Order()] : [], snapshot, firstRank + ranks.Of(removal.Subject))
            {
                RequiresApplied = removal.Copy,
                RecordNames = source.RecordNamesOf(removal.Subject),
                IdsRemoved = [.. versions.Select(v => v.Id).Distinct().Where(id => freed.Contains((removal.Subject.Context, id))).Order()],
            });
        }

        return (removed, kept);
    }

    public static string KeptWarning(IReadOnlyList<string> kept) =>
        $"{kept.Count} source subject(s) stay in the source after their copy: {string.Join("; ", kept.Take(5))}{(kept.Count > 5 ? "; …" : "")}.";
}
