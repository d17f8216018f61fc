using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Inventory;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Plans a migration: one <see cref="SubjectImportChange"/> per selected subject, referenced subjects first, and with
/// <c>source_after</c> a <see cref="SubjectCleanupChange"/> per source subject that runs only once its copy applied.
/// Before any write it reports what would not go cleanly, and leaves those subjects (and what references them) out:
/// a target version or id holding another schema, a target subject with other live versions or only soft-deleted
/// ones, a read-only target, a reference to a subject neither migrated nor in the target. Versions already in the
/// target exactly as copied are left alone, so running it again after a partial failure finishes the job.
/// </summary>
internal sealed class MigrationPlanner(IRegistryGatewayProvider registries, TimeProvider clock)
{
    public async Task<OperationPlan> PlanAsync(
        MigrationRequest request, IRegistryGateway source, SelectedSubjects selection, bool includeDeleted, BulkOperationConfig config, JsonObject answers,
        CancellationToken cancellationToken)
    {
        if (!config.CreateBackup)
        {
            throw new WizardInputException(ExecutionRefusals.DestructiveWithoutBackup);
        }

        var target = request.TargetRegistry is null ? source : registries.Get(request.TargetRegistry);
        var crossRegistry = !string.Equals(target.Registry.Name, source.Registry.Name, StringComparison.OrdinalIgnoreCase);
        var sourceContext = SourceContext(selection);
        if (!crossRegistry && sourceContext == request.TargetContext)
        {
            throw new WizardInputException($"target_context: the source and the target are both context {sourceContext} of registry '{source.Registry.Name}'; choose another target_context or target_registry.");
        }

        if (target.Registry.ReadOnly)
        {
            throw new WizardInputException($"target_registry: registry '{target.Registry.Name}' is configured read-only; nothing can be written to it.");
        }

        var sourceVersions = await RegistryVersions.ReadAsync(source, selection.Subjects.ToHashSet(), keepContent: true, cancellationToken);
        var warnings = new List<string>();
        var required = RequiredSubjects(selection.Subjects, sourceVersions, sourceContext);
        if (required.Count > 0)
        {
            foreach (var subject in required)
            {
                await sourceVersions.KeepContentOfAsync(source, subject, cancellationToken);
            }

            selection = selection with { Subjects = [.. selection.Subjects, .. required] };
            warnings.Add($"{required.Count} subject(s) not selected are taken along because selected schemas reference them: " +
                string.Join(", ", required.Take(10)) + (required.Count > 10 ? ", …" : "") + ".");
        }

        var moved = selection.Subjects.ToDictionary(s => s, s => new QualifiedSubject(request.TargetContext, request.TargetName(s.Name)));
        var targetState = await TargetSubjects.ReadAsync(target, request.TargetContext, moved.Values.ToHashSet(), cancellationToken);
        var sourceReader = new SubjectSettingsReader(source);
        var sourceSettings = (await sourceReader.ReadAsync(selection.Subjects, cancellationToken)).ToDictionary(s => s.Subject);
        var targetSettings = (await new SubjectSettingsReader(target).ReadAsync([.. moved.Values], cancellationToken)).ToDictionary(s => s.Subject);
        var sourceScopes = await ScopeFieldsReader.ReadAsync(source, crossRegistry ? [sourceContext] : [sourceContext, request.TargetContext], cancellationToken);
        var sourceScope = sourceScopes[sourceContext];
        var targetScope = crossRegistry ? (await ScopeFieldsReader.ReadAsync(target, [request.TargetContext], cancellationToken))[request.TargetContext] : sourceScopes[request.TargetContext];

        var skipped = new List<SkippedSubject>();
        var numbering = new CopyNumbering(sourceVersions, request, includeDeleted);
        var rewriter = new ReferenceRewriter(moved, request.PreserveIds ? null : numbering.NumberOf);
        var candidates = new Dictionary<QualifiedSubject, MigrationCandidate>();
        foreach (var subject in selection.Subjects)
        {
            var copy = Copy(subject, sourceVersions, numbering, request.PreserveIds, rewriter, moved[subject]);
            var problem = copy.Count == 0
                ? "no live version to migrate (soft-deleted versions are left out unless include_deleted is true)"
                : request.PreserveIds
                    ? TargetProblem(copy, targetState.VersionsOf(moved[subject]), targetState, targetSettings[moved[subject]])
                    : NewIdsProblem(targetState.VersionsOf(moved[subject]), targetSettings[moved[subject]]);
            if (problem is not null)
            {
                skipped.Add(new SkippedSubject(selection.Display(subject), problem));
                continue;
            }

            candidates[subject] = new MigrationCandidate(subject, moved[subject], copy) { Identical = Identical(copy, targetState.VersionsOf(moved[subject])) };
        }

        LeaveOutUnresolvedReferences(candidates, moved, targetState, request.TargetContext, selection, skipped);

        var ranks = new ImportRanks(candidates);
        var changes = new List<PlannedChange>();
        var targetName = crossRegistry ? target.Registry.Name : null;
        foreach (var candidate in candidates.Values.OrderBy(c => ranks.Of(c.Source)))
        {
            if (!candidate.ToImport.Any())
            {
                skipped.Add(new SkippedSubject(selection.Display(candidate.Source), $"already in the target as {candidate.Target} (identical versions)"));
                continue;
            }

            var existing = targetState.VersionsOf(candidate.Target);
            var before = Snapshot(existing, targetSettings[candidate.Target]);
            var settings = sourceSettings[candidate.Source];
            var now = targetSettings[candidate.Target];
            if (!request.PreserveIds)
            {
                var (ownConfig, ownMode) = request.CopySettings ? (settings.OwnConfig, settings.OwnMode) : (null, null);
                changes.Add(new SubjectCopyChange(candidate.Target.ToString(), candidate.Source.ToString(), candidate.Copy, ownConfig, ownMode, ranks.Of(candidate.Source))
                {
                    Registry = targetName,
                    ConfigDifferences = Differences(settings, sourceScope, now, targetScope, ownConfig ?? now.OwnConfig, ownMode ?? now.OwnMode),
                });
                continue;
            }

            var copy = new SubjectBackup(
                candidate.Target.ToString(),
                [.. existing.Concat(candidate.ToImport).OrderBy(v => v.Version)],
                request.CopySettings ? settings.OwnConfig : before.Config,
                request.CopySettings ? settings.OwnMode : before.Mode);
            changes.Add(new SubjectImportChange(candidate.Target.ToString(), candidate.Source.ToString(), copy, before, ranks.Of(candidate.Source))
            {
                Registry = targetName,
                ConfigDifferences = Differences(settings, sourceScope, now, targetScope, copy.Config, copy.Mode),
            });
        }

        if (request.RemovesSource)
        {
            var copiedTo = changes.Select(c => c switch
            {
                SubjectImportChange i => (Source: i.Source, Target: i.Subject),
                SubjectCopyChange c2 => (Source: c2.Source, Target: c2.Subject),
                _ => default,
            }).Where(p => p.Source is not null).ToDictionary(p => p.Source, p => p.Target);
            var removals = candidates.Keys
                .Select(s => SourceRemoval.Of(sourceSettings[s], copiedTo.TryGetValue(s.ToString(), out var target) ? new ChangeTarget(targetName, target) : null))
                .ToList();
            var (removed, kept) = SourceRemovals.Plan(removals, sourceVersions, request.SourceAfter == MigrationKeys.PermanentDelete, ranks.Highest + 1);
            changes.AddRange(removed);
            if (kept.Count > 0)
            {
                warnings.Add(SourceRemovals.KeptWarning(kept));
            }
        }

        AddSettingsWarning(changes, warnings);
        if (RuleSetCheck.Add(changes, request.TargetContext, targetName) is { } carrying)
        {
            warnings.Add($"{carrying} copied version(s) carry rule sets, which a community-edition registry drops without an error: the run first checks " +
                "that the target keeps them (it sets and removes a rule set on the config of the reserved subject " + RuleSetProbeChange.ProbeName +
                ") and copies those subjects only if it does.");
        }

        if (await NewTargetContextAsync(target, request.TargetContext, changes, cancellationToken) is { } created)
        {
            changes.Insert(0, created with { Registry = targetName });
        }

        if (changes.OfType<SubjectCopyChange>().Any())
        {
            warnings.Add("preserve_ids is false: the target assigns new ids and numbers each subject's versions from 1 (gaps in the source close up; " +
                "references to copied versions follow), and merges its own defaultMetadata/overrideMetadata into each registration, which can make a schema " +
                "another id than planned; registrations are judged by the target's compatibility (the copied level is set first).");
        }

        if (changes.OfType<SubjectImportChange>().Any())
        {
            warnings.Add("Ids and version numbers are preserved through IMPORT on each target subject only, put back afterwards; the target's id counter stays above the highest imported id.");
        }

        return new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = OperationTypes.Migration,
            Title = $"Migrate {selection.Description} ({source.Registry.Name} {sourceContext}) to {target.Registry.Name} {request.TargetContext}",
            Registry = source.Registry.Name,
            CreatedAt = clock.GetUtcNow(),
            Answers = answers,
            Config = config,
            Changes = changes,
            Skipped = skipped,
            Warnings = warnings,
            Estimate = PlanEstimate.For(changes.Count, config, sourceReader.MeanLatencyMs),
        };
    }

    /// <summary>
    /// A change standing for the named target context when the copies bring it into being and the target can remove a
    /// context again (8.0.1+), so that a rollback leaves none behind; null otherwise.
    /// </summary>
    private static async Task<ContextCreationChange?> NewTargetContextAsync(
        IRegistryGateway target, string context, List<PlannedChange> changes, CancellationToken cancellationToken)
    {
        var named = QualifiedSubject.ContextOnly(context);
        if (named.IsDefaultContext || !changes.Any(c => c is SubjectImportChange or SubjectCopyChange)
            || !(await target.GetCapabilitiesAsync(cancellationToken)).SupportsContextDelete
            || (await target.ListContextsAsync(cancellationToken)).Contains(named.Context))
        {
            return null;
        }

        return new ContextCreationChange(named.ToString());
    }

    /// <summary>The context every selected subject is in; a selection across contexts is refused.</summary>
    private static string SourceContext(SelectedSubjects selection)
    {
        var contexts = selection.Subjects.Select(s => s.Context).Distinct().Order(StringComparer.Ordinal).ToList();
        return contexts.Count switch
        {
            0 => QualifiedSubject.DefaultContext,
            1 => contexts[0],
            _ => throw new WizardInputException($"pattern: a migration moves one context at a time; the selection spans {string.Join(", ", contexts)}."),
        };
    }

    /// <summary>
    /// The subjects of the source context that the selected ones reference, directly or through others, and that were not
    /// selected: a copy needs them in the target, so they are taken along (a reference into another context is not).
    /// </summary>
    private static List<QualifiedSubject> RequiredSubjects(IReadOnlyList<QualifiedSubject> selected, RegistryVersions source, string context)
    {
        var known = selected.ToHashSet();
        var required = new List<QualifiedSubject>();
        var queue = new Queue<QualifiedSubject>(selected);
        while (queue.TryDequeue(out var subject))
        {
            foreach (var referenced in source.VersionsOf(subject).SelectMany(v => v.References).Select(r => r.Subject))
            {
                if (referenced.Context == context && source.VersionsOf(referenced).Count > 0 && known.Add(referenced))
                {
                    required.Add(referenced);
                    queue.Enqueue(referenced);
                }
            }
        }

        return required;
    }

    /// <summary>The versions to copy, as they will be registered in the target: renamed, renumbered without ids, references rewritten.</summary>
    private static List<SchemaVersion> Copy(
        QualifiedSubject subject, RegistryVersions sourceVersions, CopyNumbering numbering, bool preserveIds, ReferenceRewriter rewriter, QualifiedSubject target)
    {
        var copied = numbering.Copied(subject);
        return [.. sourceVersions.ContentOf(subject)
            .Where(v => copied.ContainsKey(v.Version))
            .OrderBy(v => v.Version)
            .Select(v => v with
            {
                Subject = target,
                Version = preserveIds ? v.Version : copied[v.Version],
                Deleted = copied.Deleted(v.Version),
                References = rewriter.Rewrite(subject, v.References),
                Aliases = null,
            })];
    }

    /// <summary>Without ids the target numbers versions itself, so the target subject must be empty and writable.</summary>
    private static string? NewIdsProblem(IReadOnlyList<SchemaVersion> existing, SubjectSettings settings) =>
        settings.BlocksWrites
            ? $"target {settings.Subject} is in mode {settings.EffectiveMode} ({settings.ModeSource}): switch it to READWRITE first"
            : existing.Count > 0
                ? $"target {settings.Subject} has versions ({string.Join(", ", existing.Select(v => v.Version))}): copying with new ids needs an empty target subject; choose another target_context or a target_prefix"
                : null;

    /// <summary>Why the target cannot take this copy as it is; null when it can.</summary>
    private static string? TargetProblem(List<SchemaVersion> copy, IReadOnlyList<SchemaVersion> existing, TargetSubjects target, SubjectSettings settings)
    {
        if (settings.EffectiveMode is "READONLY" or "READONLY_OVERRIDE")
        {
            return $"target {settings.Subject} is in mode {settings.EffectiveMode} ({settings.ModeSource}): switch it to READWRITE first";
        }

        if (existing.Count > 0 && existing.All(v => v.Deleted == true))
        {
            return $"target {settings.Subject} has only soft-deleted versions ({string.Join(", ", existing.Select(v => v.Version))}): delete them permanently first, or choose another target";
        }

        var copied = copy.Select(v => v.Version).ToHashSet();
        var others = existing.Where(v => v.Deleted != true && !copied.Contains(v.Version)).Select(v => v.Version).ToList();
        if (others.Count > 0)
        {
            return $"target {settings.Subject} has other live versions ({string.Join(", ", others)}): choose another target_context or a target_prefix";
        }

        foreach (var version in copy)
        {
            var identity = VersionIdentity.Of(version, version.References);
            if (existing.FirstOrDefault(v => v.Version == version.Version) is { } there && !(there.Id == version.Id && VersionIdentity.Same(identity, VersionIdentity.Of(there, there.References))))
            {
                return $"target {settings.Subject} version {version.Version} holds another schema (id {there.Id}): choose another target";
            }

            if (target.IdentityOf(version.Id) is { } holder && !VersionIdentity.Same(identity, holder))
            {
                return $"schema id {version.Id} of version {version.Version} holds another schema in the target context: ids cannot be preserved there; choose another target_context";
            }
        }

        return null;
    }

    private static HashSet<int> Identical(List<SchemaVersion> copy, IReadOnlyList<SchemaVersion> existing) =>
        [.. copy.Where(v => existing.Any(e => e.Version == v.Version && e.Id == v.Id && e.Deleted == v.Deleted)).Select(v => v.Version)];

    /// <summary>
    /// Leaves out every subject with a reference the target could not resolve: to a selected subject that is left out,
    /// or to one neither migrated (with that version) nor already in the target context. Leaving one out can strand its
    /// referrers, so it repeats until nothing changes.
    /// </summary>
    private static void LeaveOutUnresolvedReferences(
        Dictionary<QualifiedSubject, MigrationCandidate> candidates, Dictionary<QualifiedSubject, QualifiedSubject> moved, TargetSubjects target, string targetContext,
        SelectedSubjects selection, List<SkippedSubject> skipped)
    {
        var selectedTargets = moved.Values.ToHashSet();
        var copiedTo = new Dictionary<(QualifiedSubject, int), QualifiedSubject>();
        foreach (var candidate in candidates.Values)
        {
            foreach (var version in candidate.Copy)
            {
                copiedTo[(candidate.Target, version.Version)] = candidate.Source;
            }
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var candidate in candidates.Values.ToList())
            {
                var missing = candidate.Copy
                    .SelectMany(v => v.References.Select(r => (Version: v.Version, Reference: ReferenceRewriter.Resolve(candidate.Target, r.Subject), r.Version)))
                    .FirstOrDefault(r => copiedTo.TryGetValue((r.Reference, r.Item3), out var from) && candidates.ContainsKey(from)
                        ? false
                        : selectedTargets.Contains(r.Reference) || !target.Has(r.Reference, r.Item3));
                if (missing.Reference is null)
                {
                    continue;
                }

                candidates.Remove(candidate.Source);
                skipped.Add(new SkippedSubject(selection.Display(candidate.Source),
                    $"version {missing.Version} references {missing.Reference} version {missing.Item3}, which is neither migrated nor in the target context {targetContext}: select it too"));
                changed = true;
            }
        }
        while (changed);
    }

    private static SubjectSnapshot Snapshot(IReadOnlyList<SchemaVersion> existing, SubjectSettings settings) =>
        new([.. existing.OrderBy(v => v.Version).Select(v => new VersionState(v.Version, v.Id, v.Deleted == true))], settings.OwnConfig, settings.OwnMode);

    private static List<string>? Differences(SubjectSettings from, ScopeFields fromScope, SubjectSettings to, ScopeFields toScope, JsonObject? toConfig, string? toMode) =>
        EffectiveConfigDifferences.Of(from, fromScope, to, toScope, toConfig, toMode) is { Count: > 0 } found ? [.. found] : null;

    /// <summary>How many copies get another effective config, with a few examples: each change's line says from what to what.</summary>
    private static void AddSettingsWarning(List<PlannedChange> changes, List<string> warnings)
    {
        var differing = changes
            .Select(c => c switch
            {
                SubjectImportChange i => (c.Subject, i.ConfigDifferences),
                SubjectCopyChange c2 => (c.Subject, c2.ConfigDifferences),
                _ => (c.Subject, null),
            })
            .Where(d => d.ConfigDifferences is not null)
            .ToList();
        if (differing.Count > 0)
        {
            warnings.Add($"Effective config differs in the target for {differing.Count} subject(s) (a named context does not inherit the default context's config; " +
                "each copy's line says which fields, from what to what): " +
                string.Join("; ", differing.Take(5).Select(d => $"{d.Subject}: {EffectiveConfigDifferences.Names(d.ConfigDifferences!)}")) + (differing.Count > 5 ? "; …" : "") + ".");
        }
    }
}
