using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// Schema updates: the selection, then compatibility, naming convention or metadata, each planned by the planner
/// its <see cref="SchemaUpdateTypes"/> entry names. No review steps: the preview and the confirmation suffice.
/// </summary>
public sealed class SchemaUpdateOperation(SelectionOptions selectionOptions, TimeProvider clock) : IBulkOperation
{
    public string OperationType => CompatibilityPlanner.OperationType;

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) => new SchemaUpdateWizard(gateway, selectionOptions);

    public IOperationArguments ReadArguments(JsonObject answers) => OperationArguments.Read<SchemaUpdateArguments>(answers, OperationType);

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        var type = SchemaUpdateTypes.Find(session.Answers.GetString(SchemaUpdateKeys.UpdateType))
            ?? throw new WizardInputException("update_type: not answered.");
        var selection = ((SchemaUpdateWizard)wizard).Selection;
        var subjects = await new SelectionResolver(gateway, selectionOptions, selection).ResolveAsync(session, cancellationToken);
        return await type.PlanAsync(new SchemaUpdatePlanning(gateway, clock, subjects, session.Answers, session.Config), cancellationToken);
    }
}
