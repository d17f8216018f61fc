using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Operations;

/// <summary>
/// One operation type, plugged into the engine as <i>answers → plan → changes</i>: its arguments record gives
/// answers up front, its wizard asks the rest, its planner turns the answers into a plan of
/// <see cref="PlannedChange"/>s, and its review steps (if any) ask about the plan before the confirmation.
/// Execution, backup, journal, rollback, tasks and confirmation are shared and never written again per operation.
/// </summary>
public interface IBulkOperation
{
    /// <summary>The value of <c>operation_type</c>, e.g. <c>schema_update</c>.</summary>
    string OperationType { get; }

    IWizardDefinition CreateWizard(IRegistryGateway gateway);

    /// <summary>
    /// The operation's arguments record read from <c>start_bulk_wizard</c>'s <c>answers</c> object (its planning
    /// tool's parameter names); usually <c>OperationArguments.Read&lt;TArguments&gt;(answers, OperationType)</c>.
    /// </summary>
    IOperationArguments ReadArguments(JsonObject answers);

    /// <summary>The plan for the session's answers; <paramref name="wizard"/> is the one <see cref="CreateWizard"/> made for it.</summary>
    Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken);

    /// <summary>Questions about the plan between its preview and its confirmation, in order; none unless the operation adds some.</summary>
    IReadOnlyList<ReviewStep> ReviewSteps => [];

    /// <summary>
    /// Called once a real run of one of its plans completed, before the task shows as finished: for what a plan keeps
    /// outside the registry (a retention policy is stored once the run that sets it completed). Returns the result to
    /// report, by default the one given; a step that fails says so in it.
    /// </summary>
    Task<ExecutionResult> CompletedAsync(OperationPlan plan, ExecutionResult result, CancellationToken cancellationToken) => Task.FromResult(result);
}
