using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Operations;

/// <summary>
/// One operation type, plugged into the engine as <i>answers → plan → changes</i>: its wizard asks the
/// questions, its planner turns the answers into a plan of <see cref="PlannedChange"/>s. Execution, backup,
/// journal, rollback, tasks and confirmation are shared and never written again per operation.
/// </summary>
public interface IBulkOperation
{
    /// <summary>The value of <c>operation_type</c>, e.g. <c>schema_update</c>.</summary>
    string OperationType { get; }

    IWizardDefinition CreateWizard(IRegistryGateway gateway);

    /// <summary>The plan for the session's answers; <paramref name="wizard"/> is the one <see cref="CreateWizard"/> made for it.</summary>
    Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken);
}
