using BulkWizard.Compatibility;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>Schema updates: selection, then the update type and its value, planned by the matching planner.</summary>
public sealed class SchemaUpdateOperation(SelectionOptions selectionOptions, TimeProvider clock) : IBulkOperation
{
    public string OperationType => CompatibilityPlanner.OperationType;

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) => new SchemaUpdateWizard(gateway, selectionOptions);

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        var selection = ((SchemaUpdateWizard)wizard).Selection;
        var answers = session.Answers;
        var subjects = await new SelectionResolver(gateway, selectionOptions, selection).ResolveAsync(session, cancellationToken);
        var level = CompatibilityLevels.Parse(answers.GetString(SchemaUpdateKeys.Compatibility)!);
        return await new CompatibilityPlanner(gateway, clock).PlanAsync(subjects, level, session.Config, answers.ToJson(), cancellationToken);
    }
}
