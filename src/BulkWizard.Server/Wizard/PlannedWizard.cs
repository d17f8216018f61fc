using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Wizard;

/// <summary>The wizard of a session opened for an existing plan: nothing left to ask but its confirmation.</summary>
public sealed class PlannedWizard(string operationType) : IWizardDefinition
{
    public string OperationType => operationType;

    public IReadOnlyList<WizardStep> Steps => [];
}
