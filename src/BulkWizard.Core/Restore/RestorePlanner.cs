using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// Plans putting a backup back: one <see cref="SubjectRestoreChange"/> per backed-up subject whose live state differs
/// from the backup, referenced subjects before their referrers; subjects already as in the backup, and subjects where
/// a backed-up version number now holds another schema, are skipped with the reason.
/// </summary>
public sealed class RestorePlanner(IRegistryGateway gateway, TimeProvider clock)
{
    public const string OperationType = "restore_backup";
    private const int ExamplesShown = 3;

    /// <exception cref="ArgumentException">The backup was taken from another registry.</exception>
    public async Task<OperationPlan> PlanAsync(
        Backup backup, BulkOperationConfig config, CancellationToken cancellationToken, IReadOnlyDictionary<string, IReadOnlyList<VersionState>>? createdByRun = null)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(config);
        if (!string.Equals(backup.Registry, gateway.Registry.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Backup {backup.Id} was taken from registry '{backup.Registry}'; it can only be restored there, not to '{gateway.Registry.Name}'.", nameof(backup));
        }

        var (live, latencyMs) = await ReadLiveAsync(backup, config.MaxParallel, cancellationToken);
        var depths = ReferenceDepths(backup);
        var changes = new List<PlannedChange>();
        var skipped = new List<SkippedSubject>();
        var kept = new List<string>();
        var ordered = backup.Subjects.Select((subject, index) => (Subject: subject, Index: index))
            .OrderBy(s => depths[s.Subject.Subject]).ThenBy(s => s.Index);
        foreach (var (saved, index) in ordered)
        {
            var state = live[index];
            var created = CreatedStill(state, createdByRun?.GetValueOrDefault(saved.Subject));
            var target = SubjectSnapshot.Of(saved).WithVersionsOnlyIn(state with { Versions = [.. state.Versions.Where(v => !created.Contains(v.Version))] });
            if (RestoreWork.VersionConflict(saved.Subject, state, saved) is { } conflict)
            {
                skipped.Add(new SkippedSubject(saved.Subject, conflict));
            }
            else if (JsonNode.DeepEquals(state.ToJson(), target.ToJson()))
            {
                skipped.Add(new SkippedSubject(saved.Subject, "already as in the backup"));
            }
            else
            {
                changes.Add(new SubjectRestoreChange(saved.Subject, backup.Id, saved, state, depths[saved.Subject]) { CreatedByRun = created });
                kept.AddRange(state.Versions.Where(v => SubjectSnapshot.Of(saved).Find(v.Version) is null && !created.Contains(v.Version))
                    .Select(v => $"{saved.Subject} version {v.Version}"));
            }
        }

        return new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = OperationType,
            Title = $"Restore backup {backup.Id}",
            Registry = gateway.Registry.Name,
            CreatedAt = clock.GetUtcNow(),
            Answers = new JsonObject { ["backup_id"] = backup.Id },
            Config = config,
            Changes = changes,
            Skipped = skipped,
            Warnings = Warnings(backup, changes, kept),
            Estimate = PlanEstimate.For(changes.Count, config, latencyMs),
        };
    }

    /// <summary>The versions the backed-up run registered that are still there unchanged (same number and id): those a restore removes.</summary>
    private static List<int> CreatedStill(SubjectSnapshot live, IReadOnlyList<VersionState>? created) =>
        created is null ? [] : [.. created.Where(c => live.Find(c.Version) is { } found && found.Id == c.Id).Select(c => c.Version)];

    private async Task<(SubjectSnapshot[] Live, double LatencyMs)> ReadLiveAsync(Backup backup, int maxParallel, CancellationToken cancellationToken)
    {
        var live = new SubjectSnapshot[backup.Subjects.Count];
        var elapsedTicks = 0L;
        var requests = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, live.Length), options, async (index, token) =>
        {
            var watch = Stopwatch.StartNew();
            live[index] = await SubjectSnapshot.ReadAsync(gateway, QualifiedSubject.Parse(backup.Subjects[index].Subject), token);
            Interlocked.Add(ref elapsedTicks, watch.Elapsed.Ticks);
            // Two version listings, one read per version, config and mode.
            Interlocked.Add(ref requests, 4 + live[index].Versions.Count);
        });
        var latency = requests == 0 ? 0 : TimeSpan.FromTicks(elapsedTicks).TotalMilliseconds / requests;
        return (live, latency);
    }

    /// <summary>0 for a subject referencing no other subject of the backup, else one more than the deepest one it references.</summary>
    private static Dictionary<string, int> ReferenceDepths(Backup backup)
    {
        var references = backup.Subjects.ToDictionary(
            s => s.Subject,
            s => s.Versions.SelectMany(v => v.References).Select(r => Qualify(r.Subject, s.Subject)).Where(r => r != s.Subject).Distinct().ToList(),
            StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subject in references.Keys)
        {
            DepthOf(subject, references, depths, []);
        }

        return depths;
    }

    private static int DepthOf(string subject, Dictionary<string, List<string>> references, Dictionary<string, int> depths, HashSet<string> visiting)
    {
        if (depths.TryGetValue(subject, out var known))
        {
            return known;
        }

        if (!references.TryGetValue(subject, out var referenced) || !visiting.Add(subject))
        {
            // Outside the backup (already in place), or a cycle, which registries do not allow: nothing to order by.
            return -1;
        }

        var depth = referenced.Select(r => DepthOf(r, references, depths, visiting)).DefaultIfEmpty(-1).Max() + 1;
        visiting.Remove(subject);
        depths[subject] = depth;
        return depth;
    }

    /// <summary>A reference without a context names a subject in the referrer's context.</summary>
    private static string Qualify(string referenced, string referrer)
    {
        var target = QualifiedSubject.Parse(referenced);
        var from = QualifiedSubject.Parse(referrer);
        return target.IsDefaultContext && !referenced.StartsWith(":.", StringComparison.Ordinal) && !from.IsDefaultContext
            ? new QualifiedSubject(from.Context, target.Name).ToString()
            : target.ToString();
    }

    private static List<string> Warnings(Backup backup, List<PlannedChange> changes, List<string> kept)
    {
        var warnings = new List<string>
        {
            $"Backup {backup.Id} was taken at {backup.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} " +
            $"before plan {backup.PlanId} ({backup.OperationType}); changes made since then to these subjects are replaced.",
        };
        var imports = changes.OfType<SubjectRestoreChange>()
            .Where(c => RestoreWork.Of(c.LiveAtPlanning, c.Saved, []).NeedsImport)
            .Select(c => c.Subject)
            .ToList();
        if (imports.Count > 0)
        {
            warnings.Add($"{imports.Count} subject(s) switch to IMPORT mode (force) while their versions are registered again with their ids " +
                $"(e.g. {string.Join(", ", imports.Take(ExamplesShown))}); other writers are refused meanwhile.");
        }

        var removed = changes.OfType<SubjectRestoreChange>().Where(c => c.CreatedByRun.Count > 0).ToList();
        if (removed.Count > 0)
        {
            warnings.Add($"{removed.Sum(c => c.CreatedByRun.Count)} version(s) that run registered are soft-deleted and then permanently deleted " +
                $"(e.g. {string.Join(", ", removed.Take(ExamplesShown).Select(c => $"{c.Subject} version {string.Join("/", c.CreatedByRun)}"))}); their schema ids stop resolving once no version uses them.");
        }

        if (kept.Count > 0)
        {
            warnings.Add($"{kept.Count} version(s) registered since the backup are kept (e.g. {string.Join(", ", kept.Take(ExamplesShown))}).");
        }

        return warnings;
    }
}
