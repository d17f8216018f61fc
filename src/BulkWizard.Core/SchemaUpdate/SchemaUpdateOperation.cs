using BulkWizard.Compatibility;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>Schema updates: selection, then compatibility, naming convention or metadata, each planned by its own planner.</summary>
public sealed class SchemaUpdateOperation(SelectionOptions selectionOptions, TimeProvider clock) : IBulkOperation
{
    public string OperationType => CompatibilityPlanner.OperationType;

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) => new SchemaUpdateWizard(gateway, selectionOptions);

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        var selection = ((SchemaUpdateWizard)wizard).Selection;
        var answers = session.Answers;
        var subjects = await new SelectionResolver(gateway, selectionOptions, selection).ResolveAsync(session, cancellationToken);
        return answers.GetString(SchemaUpdateKeys.UpdateType) switch
        {
            SchemaUpdateKeys.NamingUpdate => await new NamingPlanner(gateway, clock)
                .PlanAsync(subjects, new NamingRequest(NamingSteps.ConventionOf(answers)), session.Config, answers.ToJson(), cancellationToken),
            SchemaUpdateKeys.MetadataUpdate => await new MetadataPlanner(gateway, clock)
                .PlanAsync(subjects, MetadataSteps.RequestOf(answers), session.Config, answers.ToJson(), cancellationToken),
            _ => await new CompatibilityPlanner(gateway, clock)
                .PlanAsync(subjects, CompatibilityLevels.Parse(answers.GetString(SchemaUpdateKeys.Compatibility)!), session.Config, answers.ToJson(), cancellationToken),
        };
    }
}
