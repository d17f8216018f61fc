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
    /// <summary>The compliance rules file (<c>BulkWizard:Compliance:RulesFile</c>); null for the built-in rules.</summary>
    public string? ComplianceRulesFile { get; init; }

    /// <summary>The data directory, where retention policies are stored; null when the operation was given none.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The scope as titles name it, e.g. <c>context .staging</c> or the pattern.</summary>
    public string ScopeText => ConfigurationScopes.Describe(Request.Scope, Request.Context, Selection?.Description);

    /// <summary>The one registry scope of a scope other than <c>subjects</c>.</summary>
    public RegistryScope ScopeTarget => ConfigurationScopes.Of(Request.Scope, Request.Context);

    public IReadOnlyList<QualifiedSubject> Subjects => Selection?.Subjects ?? [];

    public string Display(QualifiedSubject subject) => Selection?.Display(subject) ?? subject.ToString();

    /// <summary>
    /// The subjects the scope governs: the selected ones, or the live subjects of the context, of the default context, or
    /// of every context, from one listing.
    /// </summary>
    public async Task<IReadOnlyList<QualifiedSubject>> SubjectsInScopeAsync(CancellationToken cancellationToken)
    {
        if (Request.IsSubjects)
        {
            return Subjects;
        }

        var catalog = await SubjectCatalog.ReadAsync(Gateway, includeDeleted: false, cancellationToken);
        return ScopeTarget.Kind switch
        {
            RegistryScopeKind.Global => catalog.InContext(QualifiedSubject.DefaultContext),
            RegistryScopeKind.Context when ScopeTarget.Context != ConfigurationScopes.AllContextsName => catalog.InContext(ScopeTarget.Context!),
            _ => catalog.Subjects,
        };
    }

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
