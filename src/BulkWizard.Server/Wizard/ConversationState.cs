using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Wizard;

/// <summary>The plan-stage state of one wizard session, kept with the session.</summary>
public sealed class ConversationState
{
    private const string Item = "conversation";

    public ConversationStage Stage { get; set; } = ConversationStage.Asking;

    public OperationPlan? Plan { get; set; }

    public bool ViewDetails { get; set; }

    /// <summary>The dry run's summary, shown before a destructive plan's typed YES.</summary>
    public string? DryRunSummary { get; set; }

    /// <summary>The caller asked for a dry run only: no confirmation question, nothing changes.</summary>
    public bool DryRunOnly { get; set; }

    public int WaitSeconds { get; set; } = Execution.ExecutionLauncher.DefaultWaitSeconds;

    public static ConversationState Of(WizardSession session) =>
        (ConversationState)session.Items.GetOrAdd(Item, _ => new ConversationState());
}
