using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// Cleanups: the type, the selection, the options, then the plan of deletes (<see cref="CleanupPlanner"/>) and the
/// impact questions about it (<see cref="ImpactReview"/>). Deletes are destructive: a dry run, then YES; every delete
/// is backed up and undone through the restore path.
/// </summary>
public sealed class CleanupOperation : IBulkOperation
{
    private readonly SelectionOptions _selectionOptions;
    private readonly TimeProvider _clock;
    private readonly IRegistryGatewayProvider _registries;

    public CleanupOperation(
        SelectionOptions selectionOptions, TimeProvider clock, IRegistryGatewayProvider registries, IConsumerImpactChecker impact, ImpactCheckOptions impactDefaults)
    {
        _selectionOptions = selectionOptions;
        _clock = clock;
        _registries = registries;
        ReviewSteps = new ImpactReview(new ImpactFindings(impact, impactDefaults), PlanWithoutAsync).Steps;
    }

    public string OperationType => OperationTypes.Cleanup;

    public IReadOnlyList<ReviewStep> ReviewSteps { get; }

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) => new CleanupWizard(gateway, _selectionOptions);

    public IOperationArguments ReadArguments(JsonObject answers) => OperationArguments.Read<CleanupArguments>(answers, OperationType);

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var selection = await new SelectionResolver(gateway, _selectionOptions, ((CleanupWizard)wizard).Selection).ResolveAsync(session, cancellationToken);
        var answers = session.Answers.ToJson();
        answers[CleanupKeys.SelectionDescription] = selection.Description;
        foreach (var key in (string[])[CleanupKeys.SamplePerPartition, CleanupKeys.WholeTopic, CleanupKeys.WaitTimeoutSeconds])
        {
            // Impact-check settings given as arguments: no question asks them, and the review reads them from the plan.
            if (session.Proposed.TryGetValue(key, out var value) && value is not null)
            {
                answers[key] = value.DeepClone();
            }
        }

        return await new CleanupPlanner(gateway, _selectionOptions, _clock).PlanAsync(RequestOf(answers), selection, session.Config, answers, null, cancellationToken);
    }

    private static CleanupRequest RequestOf(JsonObject answers) => new(
        CleanupTypes.Find(answers[CleanupKeys.CleanupType]?.GetValue<string>()) ?? throw new WizardInputException("cleanup_type: not answered."),
        answers[CleanupKeys.Permanent]?.GetValue<bool>() ?? false,
        answers[CleanupKeys.KeepLast] is { } keep ? (int)keep.GetValue<double>() : null,
        answers[CleanupKeys.RemoveEmptyContext]?.GetValue<bool>() ?? false,
        answers[CleanupKeys.RemoveDanglingAliases]?.GetValue<bool>() ?? false);

    /// <summary>
    /// The plan again (same id) without <paramref name="excluded"/>: the registry is read afresh, so versions those
    /// subjects reference are kept by the reference check, and the skipped and annotated lines of the plan stay.
    /// </summary>
    private async Task<OperationPlan> PlanWithoutAsync(OperationPlan plan, IReadOnlyDictionary<string, string> excluded, CancellationToken cancellationToken)
    {
        var gateway = _registries.Get(plan.Registry);
        var subjects = ImpactFindings.Changes(plan).Select(c => c.Target).ToList();
        var selection = new SelectedSubjects(plan.Answers[CleanupKeys.SelectionDescription]?.GetValue<string>() ?? plan.Title, subjects, new Dictionary<QualifiedSubject, string>());
        var request = RequestOf(plan.Answers) with { Excluded = excluded };
        var again = await new CleanupPlanner(gateway, _selectionOptions, _clock).PlanAsync(request, selection, plan.Config, plan.Answers, plan.Id, cancellationToken);
        return again with
        {
            Skipped = [.. plan.Skipped.Concat(again.Skipped).Distinct()],
            Warnings = [.. again.Warnings.Concat(plan.Warnings).Distinct(StringComparer.Ordinal)],
        };
    }
}
