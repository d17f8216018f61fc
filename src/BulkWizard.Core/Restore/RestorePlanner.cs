using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// Plans putting a backup back, each entry into the registry it was read from: a <see cref="SubjectRestoreChange"/>
/// per subject backed up whole whose live state differs from the backup (referenced subjects before their referrers),
/// a <see cref="SubjectConfigChange"/> per scope of which only the config was backed up. Targets already as in the
/// backup, and subjects where a backed-up version number now holds another schema, are skipped with the reason.
/// Each target is read once.
/// </summary>
/// <param name="registries">The other registries a backup of a two-registry plan names; null when it names one.</param>
public sealed class RestorePlanner(IRegistryGateway gateway, TimeProvider clock, IRegistryGatewayProvider? registries = null)
{
    public const string OperationType = "restore_backup";
    private const int ExamplesShown = 3;

    /// <exception cref="ArgumentException">The backup was taken from another registry, or names one that is not configured.</exception>
    public async Task<OperationPlan> PlanAsync(
        Backup backup,
        BulkOperationConfig config,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<(string? Registry, string Subject), IReadOnlyList<VersionState>>? createdByRun = null)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(config);
        if (!string.Equals(backup.Registry, gateway.Registry.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Backup {backup.Id} was taken from registry '{backup.Registry}'; it can only be restored there, not to '{gateway.Registry.Name}'.", nameof(backup));
        }

        var gateways = GatewaysOf(backup);
        var (live, liveReferences, latencyMs) = await ReadLiveAsync(backup, gateways, config.MaxParallel, cancellationToken);
        var created = backup.Subjects.Select((saved, index) => live[index] is { } state && saved.Holds(ScopeParts.Versions)
            ? CreatedStill(state, createdByRun?.GetValueOrDefault((saved.Registry, saved.Subject)))
            : []).ToList();
        var depths = RestoreRanks.Of(backup, liveReferences, created);
        var changes = new List<PlannedChange>();
        var skipped = new List<SkippedSubject>();
        var kept = new List<string>();
        var ordered = backup.Subjects.Select((subject, index) => (Subject: subject, Index: index))
            .OrderBy(s => depths.GetValueOrDefault((s.Subject.Registry, s.Subject.Subject))).ThenBy(s => s.Index);
        foreach (var (saved, index) in ordered)
        {
            var shown = saved.Registry is null ? saved.Subject : $"{saved.Subject} (registry {saved.Registry})";
            if (live[index] is not { } state)
            {
                skipped.Add(new SkippedSubject(shown, $"the backup holds {saved.Captured} of it, which a restore cannot put back on its own"));
                continue;
            }

            if (!saved.Holds(ScopeParts.Versions))
            {
                PlanSettings(backup.Id, saved, state, shown, changes, skipped);
                continue;
            }

            var removed = created[index];
            var target = SubjectSnapshot.Of(saved).WithVersionsOnlyIn(state with { Versions = [.. state.Versions.Where(v => !removed.Contains(v.Version))] });
            if (RestoreWork.VersionConflict(shown, state, saved) is { } conflict)
            {
                skipped.Add(new SkippedSubject(shown, conflict));
            }
            else if (JsonNode.DeepEquals(state.ToJson(), target.ToJson()))
            {
                skipped.Add(new SkippedSubject(shown, "already as in the backup"));
            }
            else
            {
                changes.Add(new SubjectRestoreChange(saved.Subject, backup.Id, saved, state, depths.GetValueOrDefault((saved.Registry, saved.Subject))) { CreatedByRun = removed, Registry = saved.Registry });
                kept.AddRange(state.Versions.Where(v => SubjectSnapshot.Of(saved).Find(v.Version) is null && !removed.Contains(v.Version))
                    .Select(v => $"{shown} version {v.Version}"));
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

    /// <summary>
    /// Disaster recovery: the backup of another registry put into this one, as it was backed up (versions with their ids
    /// and numbers, configs, modes). Only a backup of one registry can be; what the run registered in the registry it
    /// was taken from is not there, so nothing is removed as "created by the run".
    /// </summary>
    /// <exception cref="ArgumentException">The backup holds entries of several registries, or is of this registry already.</exception>
    public async Task<OperationPlan> PlanIntoAsync(Backup backup, BulkOperationConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var target = gateway.Registry.Name;
        if (string.Equals(backup.Registry, target, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"target_registry: backup {backup.Id} was taken from '{target}' already; leave target_registry out.");
        }

        if (backup.Subjects.FirstOrDefault(s => s.Registry is not null) is { } other)
        {
            throw new ArgumentException(
                $"target_registry: backup {backup.Id} holds subjects of registry '{other.Registry}' besides '{backup.Registry}'; only the backup of one registry can be restored into another.");
        }

        var plan = await PlanAsync(backup with { Registry = target }, config, cancellationToken);
        return plan with
        {
            Title = $"Restore backup {backup.Id}, taken from registry '{backup.Registry}', into registry '{target}'",
            Answers = new JsonObject { ["backup_id"] = backup.Id, ["target_registry"] = target },
            Warnings = [$"Disaster recovery: the backup was taken from registry '{backup.Registry}' and is restored into '{target}', with the same ids and version numbers.", .. plan.Warnings],
        };
    }

    /// <summary>
    /// A scope (subject, context, default context or all contexts) of which only settings were backed up: its own config
    /// and mode, each put back exactly as captured, a config or mode it did not have removed (unset stays unset).
    /// </summary>
    private static void PlanSettings(string backupId, SubjectBackup saved, SubjectSnapshot live, string shown, List<PlannedChange> changes, List<SkippedSubject> skipped)
    {
        var planned = new List<PlannedChange>();
        if (saved.Holds(ScopeParts.Config))
        {
            planned.Add(new SubjectConfigChange(saved.Subject, live.Config, saved.Config, $"restore from backup {backupId}: config {ConfigText(live.Config)}", ConfigText(saved.Config))
            {
                Registry = saved.Registry,
                ReplacesLiveState = true,
            });
        }

        if (saved.Holds(ScopeParts.Mode))
        {
            // Forced: putting IMPORT back must not purge what the scope holds now.
            planned.Add(new ScopeModeChange(saved.Subject, live.Mode, saved.Mode, Force: true, LeavesWritesBlocked: false)
            {
                Registry = saved.Registry,
                ReplacesLiveState = true,
            });
        }

        var differing = planned.Where(c => !PlannedChange.SameState(c.Before, c.After)).ToList();
        if (differing.Count == 0)
        {
            skipped.Add(new SkippedSubject(shown, "already as in the backup"));
        }

        changes.AddRange(differing);
    }

    private static string ConfigText(JsonObject? config) => config is null ? "(none)" : config.ToJsonString();

    /// <summary>The gateway for each registry the backup names; a registry that is not configured is refused up front.</summary>
    private Dictionary<string, IRegistryGateway> GatewaysOf(Backup backup)
    {
        var gateways = new Dictionary<string, IRegistryGateway>(StringComparer.OrdinalIgnoreCase) { [gateway.Registry.Name] = gateway };
        foreach (var name in backup.Subjects.Select(s => s.Registry).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!gateways.ContainsKey(name))
            {
                gateways[name] = registries?.Get(name)
                    ?? throw new ArgumentException($"Backup {backup.Id} also holds registry '{name}', which is not configured here; it cannot be restored.", nameof(backup));
            }
        }

        return gateways;
    }

    /// <summary>The versions the backed-up run registered that are still there unchanged (same number and id): those a restore removes.</summary>
    private static List<int> CreatedStill(SubjectSnapshot live, IReadOnlyList<VersionState>? created) =>
        created is null ? [] : [.. created.Where(c => live.Find(c.Version) is { } found && found.Id == c.Id).Select(c => c.Version)];

    /// <summary>Each target once, only the parts its entry holds; null for an entry of parts a restore cannot put back on their own.</summary>
    private async Task<(SubjectSnapshot?[] Live, IReadOnlyDictionary<int, IReadOnlyList<SchemaReference>>?[] References, double LatencyMs)> ReadLiveAsync(
        Backup backup, Dictionary<string, IRegistryGateway> gateways, int maxParallel, CancellationToken cancellationToken)
    {
        var live = new SubjectSnapshot?[backup.Subjects.Count];
        var references = new IReadOnlyDictionary<int, IReadOnlyList<SchemaReference>>?[backup.Subjects.Count];
        var elapsedTicks = 0L;
        var requests = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, live.Length), options, async (index, token) =>
        {
            var saved = backup.Subjects[index];
            var parts = saved.Holds(ScopeParts.All) ? ScopeParts.All : saved.Captured & (ScopeParts.Config | ScopeParts.Mode);
            if (parts == ScopeParts.None)
            {
                return;
            }

            var watch = Stopwatch.StartNew();
            var read = await ScopeStateReader.ReadAsync(gateways[saved.Registry ?? gateway.Registry.Name], RegistryScope.Of(saved.Subject), parts, token);
            live[index] = SubjectSnapshot.Of(read);
            references[index] = read.Versions.ToDictionary(v => v.Version, v => v.References);
            Interlocked.Add(ref elapsedTicks, watch.Elapsed.Ticks);
            // A config or a mode alone is one request; a whole subject config, mode and the listing of its versions.
            Interlocked.Add(ref requests, parts == ScopeParts.All ? 4 : parts == (ScopeParts.Config | ScopeParts.Mode) ? 2 : 1);
        });
        var latency = requests == 0 ? 0 : TimeSpan.FromTicks(elapsedTicks).TotalMilliseconds / requests;
        return (live, references, latency);
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
