namespace BulkWizard.Core.Wizard;

/// <summary>An operation's questions, in order. The planner of the same operation turns the answers into a plan.</summary>
public interface IWizardDefinition
{
    /// <summary>The operation type this wizard drives, e.g. <c>schema_update</c>.</summary>
    string OperationType { get; }

    IReadOnlyList<WizardStep> Steps { get; }
}
