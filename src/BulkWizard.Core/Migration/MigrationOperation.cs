using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Inventory;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Migrations between contexts and registries: the type, the selection, the target, the options, then the plan of
/// imports and source removals (<see cref="MigrationPlanner"/>), and cleanup's impact questions about those removals.
/// Both registries are locked and backed up by the shared executor; <c>restore_backup</c> undoes both sides.
/// </summary>
public sealed class MigrationOperation : IBulkOperation
{
    private readonly SelectionOptions _selectionOptions;
    private readonly TimeProvider _clock;
    private readonly IRegistryGatewayProvider _registries;

    public MigrationOperation(
        SelectionOptions selectionOptions, TimeProvider clock, IRegistryGatewayProvider registries, IConsumerImpactChecker impact, ImpactCheckOptions impactDefaults)
    {
        _selectionOptions = selectionOptions;
        _clock = clock;
        _registries = registries;
        ReviewSteps = new ImpactReview(new ImpactFindings(impact, impactDefaults), KeepSourcesAsync).Steps;
    }

    public string OperationType => OperationTypes.Migration;

    /// <summary>Asked only when the plan removes sources: producers and consumers of the source subjects' topics.</summary>
    public IReadOnlyList<ReviewStep> ReviewSteps { get; }

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) =>
        new MigrationWizard(gateway, _selectionOptions, [.. _registries.Registries.Select(r => r.Name)]);

    public IOperationArguments ReadArguments(JsonObject answers) => OperationArguments.Read<MigrationArguments>(answers, OperationType);

    /// <summary>
    /// The plan again with the sources of <paramref name="excluded"/> kept (a review's "skip"): their copies stay, their
    /// removals go, and the source's references are checked again for the removals left.
    /// </summary>
    private async Task<OperationPlan> KeepSourcesAsync(OperationPlan plan, IReadOnlyDictionary<string, string> excluded, CancellationToken cancellationToken)
    {
        if (plan.KeepsArchive)
        {
            return await ArchiveWithoutAsync(plan, excluded, cancellationToken);
        }

        var removals = plan.Changes.OfType<SubjectCleanupChange>().ToList();
        var left = removals.Where(r => !excluded.ContainsKey(r.Subject)).ToList();
        var source = await RegistryVersions.ReadAsync(_registries.Get(plan.Registry), left.Select(r => r.Target).ToHashSet(), cancellationToken);
        var (removed, kept) = SourceRemovals.Plan(
            [.. left.Select(r => new SourceRemoval(r.Target, r.LiveAtPlanning.Config, r.LiveAtPlanning.Mode, null, r.RequiresApplied))],
            source,
            removals.Any(r => r.Permanent),
            removals.Select(r => r.Rank).DefaultIfEmpty(0).Min());
        return plan with
        {
            Changes = [.. plan.Changes.Where(c => c is not SubjectCleanupChange), .. removed],
            Skipped = [.. plan.Skipped, .. excluded.Select(e => new SkippedSubject(e.Key, "source kept: " + e.Value))],
            Warnings = kept.Count == 0 ? plan.Warnings : [.. plan.Warnings, SourceRemovals.KeptWarning(kept)],
        };
    }

    /// <summary>An archival planned again (same id) without <paramref name="excluded"/>: their versions stay where they are.</summary>
    private async Task<OperationPlan> ArchiveWithoutAsync(OperationPlan plan, IReadOnlyDictionary<string, string> excluded, CancellationToken cancellationToken)
    {
        var answers = plan.Answers;
        var subjects = plan.Changes.Select(c => c.Target).Where(s => !excluded.ContainsKey(s.ToString())).ToList();
        var olderThan = answers[MigrationKeys.OlderThan]?.GetValue<string>() is { Length: > 0 } text && ArchiveCutoff.TryParse(text, out var cutoff) ? cutoff : (DateTimeOffset?)null;
        var again = await new ArchivePlanner(_registries.Get(plan.Registry), _selectionOptions, _clock).PlanAsync(
            new SelectedSubjects(plan.Title, subjects, new Dictionary<QualifiedSubject, string>()),
            answers[MigrationKeys.KeepLast] is { } keep ? (int)keep.GetValue<double>() : null,
            olderThan,
            answers[MigrationKeys.SourceAfter]?.GetValue<string>() == MigrationKeys.PermanentDelete,
            plan.Config,
            answers,
            cancellationToken);
        return again with
        {
            Id = plan.Id,
            Title = plan.Title,
            Skipped = [.. plan.Skipped, .. excluded.Select(e => new SkippedSubject(e.Key, e.Value))],
            Warnings = [.. again.Warnings.Concat(plan.Warnings).Distinct(StringComparer.Ordinal)],
        };
    }

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var answers = session.Answers;
        var type = MigrationTypes.Find(answers.GetString(MigrationKeys.MigrationType)) ?? throw new WizardInputException("migration_type: not answered.");
        if (!type.ToAnotherRegistry)
        {
            MigrationRegistries.EnsureSameRegistry(_registries, gateway.Registry.Name, session.Given(MigrationKeys.TargetRegistry), type.Value);
        }

        var sourceContext = SourceContextSelection.Of(session);
        if (sourceContext is not null)
        {
            SourceContextSelection.Qualify(session, sourceContext);
        }

        var selection = await new SelectionResolver(gateway, _selectionOptions, ((MigrationWizard)wizard).Selection).ResolveAsync(session, cancellationToken);
        if (sourceContext is not null)
        {
            SourceContextSelection.Check(selection, sourceContext);
        }

        if (type.Archives)
        {
            var olderThan = answers.GetString(MigrationKeys.OlderThan) is { Length: > 0 } text && ArchiveCutoff.TryParse(text, out var cutoff) ? cutoff : (DateTimeOffset?)null;
            return await new ArchivePlanner(gateway, _selectionOptions, _clock).PlanAsync(
                selection, answers.GetInt(MigrationKeys.KeepLast), olderThan, answers.GetString(MigrationKeys.SourceAfter) == MigrationKeys.PermanentDelete,
                session.Config, answers.ToJson(), cancellationToken);
        }

        var request = new MigrationRequest(
            type,
            type.ToAnotherRegistry ? answers.GetString(MigrationKeys.TargetRegistry) : null,
            MigrationContexts.Normalize(answers.GetString(MigrationKeys.TargetContext) ?? QualifiedSubject.DefaultContext),
            answers.GetBool(MigrationKeys.PreserveIds) ?? true,
            answers.GetBool(MigrationKeys.AllVersions) ?? true,
            answers.GetBool(MigrationKeys.CopySettings) ?? true,
            answers.GetString(MigrationKeys.SourceAfter) ?? type.DefaultSourceAfter,
            session.Proposed.GetValueOrDefault(MigrationKeys.TargetPrefix)?.GetValue<string>() ?? "",
            session.Proposed.GetValueOrDefault(MigrationKeys.TargetSuffix)?.GetValue<string>() ?? "");
        var json = answers.ToJson();
        if (sourceContext is not null)
        {
            // Given up front, no question asks it: kept so that the plan's answers plan the same subjects again.
            json[MigrationKeys.SourceContext] = sourceContext;
        }

        json[MigrationKeys.TargetPrefix] = request.TargetPrefix;
        json[MigrationKeys.TargetSuffix] = request.TargetSuffix;
        return await new MigrationPlanner(_registries, _clock)
            .PlanAsync(request, gateway, selection, answers.GetBool(SelectionKeys.IncludeDeleted) ?? false, session.Config, json, cancellationToken);
    }
}
