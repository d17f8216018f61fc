using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Bulk configuration: the type, the scope (subjects, a context, the default context, all contexts), then the plan of
/// mode settings (<see cref="ModePlanner"/>) or security policies (<see cref="SecurityPlanner"/>), and the producer check
/// before a scope turns READONLY or IMPORT (<see cref="ProducerReview"/>). Each change is backed up (the scope's own mode or
/// config, unset included) and undone exactly.
/// </summary>
public sealed class ConfigurationOperation : IBulkOperation
{
    private readonly SelectionOptions _selectionOptions;
    private readonly TimeProvider _clock;
    private readonly IRegistryGatewayProvider _registries;
    private readonly ConfigurationSources _sources;

    /// <param name="sources">Where the compliance rules and the retention policies are kept.</param>
    public ConfigurationOperation(
        SelectionOptions selectionOptions, TimeProvider clock, IRegistryGatewayProvider registries, IConsumerImpactChecker impact, ImpactCheckOptions impactDefaults,
        ConfigurationSources sources)
    {
        _selectionOptions = selectionOptions;
        _clock = clock;
        _registries = registries;
        _sources = sources;
        ReviewSteps = new ProducerReview(new ImpactFindings(impact, impactDefaults, ProducerReview.TargetsOf), PlanWithoutAsync).Steps;
    }

    public string OperationType => OperationTypes.Configuration;

    public IReadOnlyList<ReviewStep> ReviewSteps { get; }

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) => new ConfigurationWizard(gateway, _selectionOptions);

    public IOperationArguments ReadArguments(JsonObject answers) => OperationArguments.Read<ConfigurationArguments>(answers, OperationType);

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var answers = session.Answers.ToJson();
        var request = ConfigurationRequest.Of(answers);
        SelectedSubjects? selection = null;
        if (request.IsSubjects)
        {
            selection = await new SelectionResolver(gateway, _selectionOptions, ((ConfigurationWizard)wizard).Selection).ResolveAsync(session, cancellationToken);
            answers[ConfigurationKeys.SelectionDescription] = selection.Description;
        }

        return await request.Type.PlanAsync(Planning(gateway, request, selection, session.Config, answers, null), cancellationToken);
    }

    /// <summary>A retention plan's policy is stored once its run completed: what it enforced and what it sets go together.</summary>
    public Task<ExecutionResult> CompletedAsync(OperationPlan plan, ExecutionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        return Task.FromResult(RetentionPolicyOfPlan.Of(plan, _clock.GetUtcNow()) is { } policy ? RetentionPolicyOfPlan.Store(policy, _sources.DataDirectory, result) : result);
    }

    private ConfigurationPlanning Planning(
        IRegistryGateway gateway, ConfigurationRequest request, SelectedSubjects? selection, BulkOperationConfig config, JsonObject answers, string? planId) =>
        new(gateway, _clock, _selectionOptions, request, selection, config, answers, planId)
        {
            ComplianceRulesFile = _sources.ComplianceRulesFile,
            DataDirectory = _sources.DataDirectory,
        };

    /// <summary>The plan again (same id) without <paramref name="excluded"/>, from a fresh read; the skipped and annotated lines stay.</summary>
    private async Task<OperationPlan> PlanWithoutAsync(OperationPlan plan, IReadOnlyDictionary<string, string> excluded, CancellationToken cancellationToken)
    {
        var gateway = _registries.Get(plan.Registry);
        var subjects = plan.Changes.OfType<ScopeModeChange>().Select(c => c.Target).Distinct().ToList();
        var description = plan.Answers[ConfigurationKeys.SelectionDescription]?.GetValue<string>() ?? plan.Title;
        var selection = new SelectedSubjects(description, subjects, new Dictionary<QualifiedSubject, string>());
        var request = ConfigurationRequest.Of(plan.Answers) with { Excluded = excluded };
        var again = await request.Type.PlanAsync(Planning(gateway, request, selection, plan.Config, plan.Answers, plan.Id), cancellationToken);
        return again with
        {
            Skipped = [.. plan.Skipped.Concat(again.Skipped).Distinct()],
            Warnings = [.. again.Warnings.Concat(plan.Warnings).Distinct(StringComparer.Ordinal)],
        };
    }
}
