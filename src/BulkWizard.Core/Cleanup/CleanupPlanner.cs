using BulkWizard.Core.Inventory;
using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// Plans a cleanup: one <see cref="SubjectCleanupChange"/> per selected subject with something to delete, skipping
/// subjects in READONLY or IMPORT (at any scope), names configured as aliases (a delete through an alias deletes its
/// target's versions) and versions still referenced from outside the cleanup; referrers are deleted before what they
/// reference. With <c>remove_empty_context</c>, a <see cref="ContextRemovalChange"/> per named context left empty.
/// </summary>
internal sealed class CleanupPlanner(IRegistryGateway gateway, SelectionOptions options, TimeProvider clock)
{
    public async Task<OperationPlan> PlanAsync(
        CleanupRequest request, SelectedSubjects selection, BulkOperationConfig config, JsonObject answers, string? planId, CancellationToken cancellationToken)
    {
        if (!config.CreateBackup)
        {
            throw new WizardInputException(ExecutionRefusals.DestructiveWithoutBackup);
        }

        var skipped = new List<SkippedSubject>();
        var filter = await request.Type.FilterAsync(gateway, options, cancellationToken);
        var subjects = new List<QualifiedSubject>();
        var notOfType = new List<QualifiedSubject>();
        foreach (var subject in selection.Subjects)
        {
            if (!filter(subject))
            {
                notOfType.Add(subject);
                continue;
            }

            if (request.Excluded.TryGetValue(subject.ToString(), out var reason))
            {
                skipped.Add(new SkippedSubject(selection.Display(subject), reason));
            }
            else
            {
                subjects.Add(subject);
            }
        }

        var reader = new SubjectSettingsReader(gateway);
        var settings = await reader.ReadAsync(subjects, cancellationToken);
        var registry = await RegistryVersions.ReadAsync(gateway, subjects.ToHashSet(), cancellationToken);

        var deleting = new HashSet<VersionKey>();
        var candidates = new List<SubjectSettings>();
        foreach (var subject in settings)
        {
            var name = selection.Display(subject.Subject);
            var versions = registry.VersionsOf(subject.Subject);
            if (subject.BlocksWrites)
            {
                skipped.Add(new SkippedSubject(name, $"mode {subject.EffectiveMode} ({subject.ModeSource}): the registry refuses deletes"));
            }
            else if (subject.OwnConfig?["alias"] is { } alias)
            {
                skipped.Add(new SkippedSubject(name, $"configured as an alias of {alias}: a delete through it would delete {alias}'s versions"));
            }
            else if (CleanupCandidates.Of(versions, request).ToList() is { Count: > 0 } doomed)
            {
                deleting.UnionWith(doomed.Select(v => new VersionKey(subject.Subject, v.Version)));
                candidates.Add(subject);
            }
            else
            {
                skipped.Add(new SkippedSubject(name, CleanupCandidates.NothingToDelete(versions, request)));
            }
        }

        var keptBy = ReferenceGuard.Apply(deleting, registry, request.Permanent);
        var ranks = new DeleteRanks(registry, deleting);
        var removedIds = request.Permanent ? registry.IdsFreedBy(deleting) : [];
        var changes = new List<SubjectCleanupChange>();
        foreach (var subject in candidates)
        {
            var versions = registry.VersionsOf(subject.Subject);
            var kept = versions.Where(v => keptBy.ContainsKey(new VersionKey(subject.Subject, v.Version))).ToList();
            if (kept.Count > 0)
            {
                skipped.Add(new SkippedSubject(selection.Display(subject.Subject), string.Join("; ", kept.Select(v =>
                    $"version {v.Version} kept: referenced by {keptBy[new VersionKey(subject.Subject, v.Version)]}"))));
            }

            var doomed = versions.Where(v => deleting.Contains(new VersionKey(subject.Subject, v.Version))).ToList();
            if (doomed.Count == 0)
            {
                continue;
            }

            var snapshot = new SubjectSnapshot([.. versions.Select(v => new VersionState(v.Version, v.Id, v.Deleted))], subject.OwnConfig, subject.OwnMode);
            changes.Add(new SubjectCleanupChange(
                subject.Subject.ToString(),
                [.. doomed.Where(v => !v.Deleted).Select(v => v.Version)],
                request.Permanent ? [.. doomed.Select(v => v.Version)] : [],
                snapshot,
                ranks.Of(subject.Subject))
            {
                RecordNames = registry.RecordNamesOf(subject.Subject),
                IdsRemoved = [.. doomed.Select(v => v.Id).Distinct().Where(id => removedIds.Contains((subject.Subject.Context, id))).Order()],
            });
        }

        var ordered = changes.OrderBy(c => c.Rank).ToList<PlannedChange>();
        var warnings = new List<string>();
        if (notOfType.Count > 0)
        {
            // A pattern narrows a test or deprecated cleanup: what it selects beyond the type is said, not deleted.
            warnings.Add($"{notOfType.Count} selected subject(s) are not {request.Type.Noun} and are left alone (e.g. {string.Join(", ", notOfType.Take(3).Select(selection.Display))}).");
        }

        await AddAliasRemovalsAsync(request, changes, registry, ordered, warnings, cancellationToken);
        await AddContextRemovalsAsync(request, changes, registry, deleting, ordered, warnings, cancellationToken);
        AddWarnings(request, changes, keptBy.Count, warnings);
        return new OperationPlan
        {
            Id = planId ?? PlanIdentity.NewId(),
            OperationType = Operations.OperationTypes.Cleanup,
            Title = CleanupTitles.Of(request, selection.Description),
            Registry = gateway.Registry.Name,
            CreatedAt = clock.GetUtcNow(),
            Answers = answers,
            Config = config,
            Changes = ordered,
            Skipped = skipped,
            Warnings = warnings,
            Estimate = PlanEstimate.For(ordered.Count, config, reader.MeanLatencyMs),
        };
    }

    private async Task AddAliasRemovalsAsync(
        CleanupRequest request, List<SubjectCleanupChange> changes, RegistryVersions registry, List<PlannedChange> ordered, List<string> warnings,
        CancellationToken cancellationToken)
    {
        if (!request.Permanent || changes.Count == 0)
        {
            return;
        }

        if (!registry.ListedAliases)
        {
            var capabilities = await gateway.GetCapabilitiesAsync(cancellationToken);
            warnings.Add($"Registry '{gateway.Registry.Name}' reports version {capabilities.ReportedVersion ?? "unknown"}: listing aliases needs 7.6.3 or later, " +
                "so aliases left pointing at deleted subjects were not looked for.");
            return;
        }

        var dangling = changes
            .Where(c => c.PermanentDelete.Count == c.LiveAtPlanning.Versions.Count)
            .SelectMany(c => registry.AliasesOf(c.Target).Select(alias => (Alias: alias, Target: c.Subject)))
            .ToList();
        if (dangling.Count == 0)
        {
            return;
        }

        var shown = string.Join(", ", dangling.Select(d => $"{d.Alias} → {d.Target}"));
        if (!request.RemoveDanglingAliases)
        {
            warnings.Add($"{dangling.Count} alias(es) would point at nothing after this cleanup: {shown}. remove_dangling_aliases: true removes them in the same plan.");
            return;
        }

        foreach (var (alias, target) in dangling)
        {
            var config = (await gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(alias)), cancellationToken))?.Fields;
            if (config is not null)
            {
                ordered.Add(new SubjectConfigChange(alias, config, null, $"alias of {target}", "(none): alias removed") { ReplacesLiveState = true });
            }
        }
    }

    private async Task AddContextRemovalsAsync(
        CleanupRequest request, List<SubjectCleanupChange> changes, RegistryVersions registry, HashSet<VersionKey> deleting,
        List<PlannedChange> ordered, List<string> warnings, CancellationToken cancellationToken)
    {
        if (!request.RemoveEmptyContext)
        {
            return;
        }

        if (!request.Permanent)
        {
            warnings.Add("remove_empty_context needs permanent: true (the registry keeps a context while soft-deleted versions remain); no context is removed.");
            return;
        }

        var capabilities = await gateway.GetCapabilitiesAsync(cancellationToken);
        if (!capabilities.SupportsContextDelete)
        {
            warnings.Add($"Registry '{gateway.Registry.Name}' reports version {capabilities.ReportedVersion ?? "unknown"}: removing a context needs 8.0.1 or later; no context is removed.");
            return;
        }

        foreach (var context in changes.Select(c => c.Target.Context).Where(c => c != QualifiedSubject.DefaultContext).Distinct().Order(StringComparer.Ordinal))
        {
            var remaining = registry.SubjectsIn(context).Count(s => registry.VersionsOf(s).Any(v => !deleting.Contains(new VersionKey(s, v.Version))));
            if (remaining == 0)
            {
                // Below every delete's rank: its own wave after them, and undone after the subjects are back.
                ordered.Add(new ContextRemovalChange($":{context}:", -1));
            }
            else
            {
                warnings.Add($"Context {context} is not removed: {remaining} subject(s) in it keep versions.");
            }
        }
    }

    private static void AddWarnings(CleanupRequest request, List<SubjectCleanupChange> changes, int keptByReferences, List<string> warnings)
    {
        if (changes.Count > 0 && request.Permanent)
        {
            var ids = changes.Sum(c => c.IdsRemoved.Count);
            warnings.Add($"Permanent delete: {ids} schema id(s) stop resolving, so consumers that still meet them in topic data fail to deserialize. " +
                "The backup restores them with the same ids and version numbers.");
        }
        else if (changes.Count > 0)
        {
            warnings.Add("Soft delete: schema ids keep resolving, so consumers keep reading. Producers with auto.register=false fail to look these schemas up; " +
                "with auto.register=true they register them again (old id, new version), undoing the cleanup.");
        }

        if (keptByReferences > 0)
        {
            warnings.Add($"{keptByReferences} version(s) kept because schemas outside the cleanup reference them (see the skipped list).");
        }
    }
}
