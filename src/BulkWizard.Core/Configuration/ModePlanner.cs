using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Plans a mode setting: one <see cref="ScopeModeChange"/> per selected subject whose own mode differs, or one for the
/// context, default-context or all-contexts scope. Each change says whether its scope (or a subject taking its mode from
/// it) ends in READONLY or IMPORT by the effective mode after it (<see cref="ModeChain"/>), so an <c>inherit</c> that leaves a
/// subject READONLY through its context is destructive too. A switch to IMPORT without <c>force</c> is preceded by the
/// permanent deletes the registry would otherwise make on its own (<see cref="ImportPurge"/>).
/// </summary>
internal sealed class ModePlanner(ConfigurationPlanning planning)
{
    private const int Shown = 3;

    private readonly SubjectSettingsReader _reader = new(planning.Gateway);
    private readonly List<PlannedChange> _changes = [];
    private readonly List<SkippedSubject> _skipped = [];
    private readonly List<string> _warnings = [];
    private readonly List<string> _leftBlocked = [];

    private ConfigurationRequest Request => planning.Request;

    public async Task<OperationPlan> PlanAsync(CancellationToken cancellationToken)
    {
        if (Request.IsSubjects)
        {
            await PlanSubjectsAsync(cancellationToken);
        }
        else
        {
            await PlanScopeAsync(cancellationToken);
        }

        AddWarnings();
        return planning.Plan(Title(), _changes, _skipped, _warnings, _reader.MeanLatencyMs);
    }

    private async Task PlanSubjectsAsync(CancellationToken cancellationToken)
    {
        var target = Request.Mode;
        var subjects = new List<QualifiedSubject>();
        foreach (var subject in planning.Subjects)
        {
            if (Request.Excluded.TryGetValue(subject.ToString(), out var reason))
            {
                _skipped.Add(new SkippedSubject(planning.Display(subject), reason));
            }
            else
            {
                subjects.Add(subject);
            }
        }

        var settings = await _reader.ReadAsync(subjects, cancellationToken);
        var chain = await ModeChain.ReadAsync(planning.Gateway, subjects.Select(s => s.Context), cancellationToken);
        var moving = new List<SubjectSettings>();
        foreach (var subject in settings)
        {
            if (subject.OwnMode == target)
            {
                _skipped.Add(new SkippedSubject(planning.Display(subject.Subject), target is null
                    ? $"no mode of its own: already inherits {subject.EffectiveMode} ({subject.ModeSource})"
                    : $"already {target}"));
            }
            else
            {
                moving.Add(subject);
            }
        }

        // The registry neither checks nor purges a scope that is in IMPORT already.
        var purge = await PurgeAsync(planning.ScopeText, [.. moving.Where(s => s.EffectiveMode != ConfigurationKeys.Import).Select(s => s.Subject)], cancellationToken);
        foreach (var subject in moving)
        {
            var context = subject.Subject.Context;
            var blocked = target is null ? chain.BlocksIn(context) : ModeChain.Blocks(target);
            if (target is null && blocked)
            {
                _leftBlocked.Add($"{planning.Display(subject.Subject)} ({chain.EffectiveIn(context)} from {(context == QualifiedSubject.DefaultContext ? "the default context" : $"context {context}")})");
            }

            // A subject the purge removes entirely loses its own mode with its last version.
            var before = purge.Emptied.Contains(subject.Subject) ? null : subject.OwnMode;
            _changes.Add(new ScopeModeChange(subject.Subject.ToString(), before, target, Request.Force, blocked)
            {
                NewlyBlocked = blocked && !subject.BlocksWrites ? [subject.Subject.ToString()] : [],
                Rank = SwitchRank(purge),

                // Switched only once its own purge applied; its state before is the one the purge leaves.
                RequiresApplied = purge.Purged.Contains(subject.Subject) ? new ChangeTarget(null, subject.Subject.ToString()) : null,
            });
        }
    }

    private async Task PlanScopeAsync(CancellationToken cancellationToken)
    {
        var target = Request.Mode;
        var scope = planning.ScopeTarget;
        var name = ScopeModeChange.ScopeName(scope.PathSegment ?? "");
        var catalog = await SubjectCatalog.ReadAsync(planning.Gateway, includeDeleted: true, cancellationToken);
        var contexts = catalog.Contexts.Append(QualifiedSubject.DefaultContext).Distinct(StringComparer.Ordinal).ToList();
        var chain = await ModeChain.ReadAsync(planning.Gateway, scope.Kind == RegistryScopeKind.Context ? [.. contexts, scope.Context!] : contexts, cancellationToken);
        var own = chain.OwnOf(scope);
        if (own == target)
        {
            _skipped.Add(new SkippedSubject(name, target is null ? "no mode of its own: already inherits" : $"already {target}"));
            return;
        }

        var after = chain.With(scope, target);
        var reached = chain.ContextsReachedBy(scope, contexts).ToHashSet(StringComparer.Ordinal);
        if (target is null && after.BlocksAt(scope))
        {
            _leftBlocked.Add($"{name} ({after.EffectiveOf(scope)} from {(scope.Kind == RegistryScopeKind.Context && scope.Context != ConfigurationScopes.AllContextsName ? "all contexts" : "the registry")})");
        }

        var newlyBlocked = await NewlyBlockedAsync(catalog, chain, after, reached, cancellationToken);
        var purge = target == ConfigurationKeys.Import && !Request.Force && chain.EffectiveOf(scope) != ConfigurationKeys.Import
            ? await PurgeAsync(planning.ScopeText, [.. catalog.Subjects.Where(s => InPurgeScope(scope, s))], cancellationToken)
            : PurgePlan.None;
        _changes.Add(new ScopeModeChange(scope.PathSegment ?? "", own, target, Request.Force, after.BlocksAt(scope))
        {
            NewlyBlocked = newlyBlocked,
            Rank = SwitchRank(purge),
        });
    }

    /// <summary>The live subjects without a mode of their own in the contexts the change reaches, whose mode turns READONLY or IMPORT.</summary>
    private async Task<IReadOnlyList<string>> NewlyBlockedAsync(SubjectCatalog catalog, ModeChain before, ModeChain after, IReadOnlySet<string> reached, CancellationToken cancellationToken)
    {
        var turning = reached.Where(c => after.BlocksIn(c) && !before.BlocksIn(c)).ToHashSet(StringComparer.Ordinal);
        if (turning.Count == 0)
        {
            return [];
        }

        var live = (await SubjectCatalog.ReadAsync(planning.Gateway, includeDeleted: false, cancellationToken)).Subjects.Where(s => turning.Contains(s.Context)).ToList();
        var settings = await _reader.ReadAsync(live, cancellationToken);
        return [.. settings.Where(s => s.OwnMode is null).Select(s => s.Subject.ToString())];
    }

    /// <summary>The subjects a switch of <paramref name="scope"/> to IMPORT checks and purges: its context's, or for <c>/mode</c> and <c>:.__GLOBAL:</c> every subject of every context.</summary>
    private static bool InPurgeScope(RegistryScope scope, QualifiedSubject subject) =>
        scope.Kind != RegistryScopeKind.Context || scope.Context == ConfigurationScopes.AllContextsName || subject.Context == scope.Context;

    private async Task<PurgePlan> PurgeAsync(string scopeName, IReadOnlyList<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        if (Request.Mode != ConfigurationKeys.Import || Request.Force)
        {
            return PurgePlan.None;
        }

        var purge = await ImportPurge.PlanAsync(planning, scopeName, subjects, cancellationToken);
        _changes.AddRange(purge.Changes);
        _warnings.AddRange(purge.Warnings);
        return purge;
    }

    /// <summary>After a purge the switch has a wave of its own, below the deletes' ranks: it runs after them and is undone after the subjects are back.</summary>
    private static int SwitchRank(PurgePlan purge) => purge.Changes.Count > 0 ? -1 : 0;

    private void AddWarnings()
    {
        var switches = _changes.OfType<ScopeModeChange>().ToList();
        if (switches.Count == 0)
        {
            return;
        }

        var blocked = switches.Where(c => c.LeavesWritesBlocked).ToList();
        if (Request.Mode == ConfigurationKeys.Import)
        {
            _warnings.Add($"IMPORT on {blocked.Count} scope(s): only registrations that carry an id are accepted; producers' registrations of new schemas are refused, and validation and compatibility checks are skipped.");
            _warnings.Add(Request.Force
                ? "force: the registry neither checks for live versions nor purges soft-deleted ones."
                : "Without force the registry hard-deletes the scope's soft-deleted versions when it switches; they are listed above as permanent deletes, backed up and undone by the restore.");
        }
        else if (blocked.Count > 0)
        {
            _warnings.Add($"{blocked.Count} scope(s) end READONLY or IMPORT: new schemas, deletes and config changes are refused there; reads, lookups and re-registering an existing schema still work.");
        }

        if (_leftBlocked.Count > 0)
        {
            _warnings.Add($"inherit leaves {_leftBlocked.Count} scope(s) kept from writing by the mode they inherit: {string.Join(", ", _leftBlocked.Take(Shown))}{(_leftBlocked.Count > Shown ? ", …" : "")}.");
        }

        var newly = switches.Sum(c => c.NewlyBlocked.Count);
        if (newly > 0)
        {
            _warnings.Add($"{newly} subject(s) turn {(Request.Mode ?? "READONLY or IMPORT")}: producers that register new schemas for them fail while the mode holds; their topics are checked for active producers before confirmation.");
        }
    }

    private string Title()
    {
        var target = Request.Mode;
        return target is null
            ? $"Clear the own mode of {planning.ScopeText} (inherit)"
            : $"Set mode {target} on {planning.ScopeText}" + (target == ConfigurationKeys.Import ? Request.Force ? " (force)" : " (without force)" : "");
    }
}
