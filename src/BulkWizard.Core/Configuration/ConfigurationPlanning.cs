using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Configuration;

/// <summary>What a configuration planner is given: the registry, the request, the selected subjects (scope <c>subjects</c> only) and the run settings.</summary>
/// <param name="PlanId">The id of a plan being planned again (after a review left subjects out); null for a new plan.</param>
internal sealed record ConfigurationPlanning(
    IRegistryGateway Gateway,
    TimeProvider Clock,
    SelectionOptions Options,
    ConfigurationRequest Request,
    SelectedSubjects? Selection,
    BulkOperationConfig Config,
    JsonObject Answers,
    string? PlanId)
{
    /// <summary>The scope as titles name it, e.g. <c>context .staging</c> or the pattern.</summary>
    public string ScopeText => ConfigurationScopes.Describe(Request.Scope, Request.Context, Selection?.Description);

    /// <summary>The one registry scope of a scope other than <c>subjects</c>.</summary>
    public RegistryScope ScopeTarget => ConfigurationScopes.Of(Request.Scope, Request.Context);

    public IReadOnlyList<QualifiedSubject> Subjects => Selection?.Subjects ?? [];

    public string Display(QualifiedSubject subject) => Selection?.Display(subject) ?? subject.ToString();

    public OperationPlan Plan(string title, IReadOnlyList<PlannedChange> changes, IReadOnlyList<SkippedSubject> skipped, IReadOnlyList<string> warnings, double latencyMs) => new()
    {
        Id = PlanId ?? PlanIdentity.NewId(),
        OperationType = Operations.OperationTypes.Configuration,
        Title = title,
        Registry = Gateway.Registry.Name,
        CreatedAt = Clock.GetUtcNow(),
        Answers = Answers,
        Config = Config,
        Changes = changes,
        Skipped = skipped,
        Warnings = warnings,
        Estimate = PlanEstimate.For(changes.Count, Config, latencyMs),
    };
}
