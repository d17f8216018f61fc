using System.Text.Json.Nodes;
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

    /// <summary>The operation's review question waiting for its answer.</summary>
    public Question? PendingReview { get; set; }

    /// <summary>The next of the operation's review steps to consider.</summary>
    public int ReviewIndex { get; set; }

    /// <summary>
    /// The operation's own answers given to <c>start_bulk_wizard</c> before its type was known: read by the operation's
    /// arguments record once the type is answered.
    /// </summary>
    public JsonObject? PendingAnswers { get; set; }

    /// <summary>The dry run's summary, shown before a destructive plan's typed YES.</summary>
    public string? DryRunSummary { get; set; }

    /// <summary>The caller asked for a dry run only: no confirmation question, nothing changes.</summary>
    public bool DryRunOnly { get; set; }

    public int WaitSeconds { get; set; } = Execution.ExecutionLauncher.DefaultWaitSeconds;

    /// <summary>The confirmed real run waits for this time (<c>start_at</c>); null to run on confirmation.</summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>Who confirms in this conversation's questions, written to the journal: the person in a form, or at the terminal.</summary>
    public string ConfirmedBy { get; set; } = Execution.RunRequest.UserConfirmed;

    public static ConversationState Of(WizardSession session) =>
        (ConversationState)session.Items.GetOrAdd(Item, _ => new ConversationState());

    /// <summary>Forgets the plan and everything decided about it, e.g. when the person goes back a question.</summary>
    public void ResetPlan()
    {
        Plan = null;
        Stage = ConversationStage.Asking;
        PendingReview = null;
        ReviewIndex = 0;
        DryRunSummary = null;
    }
}
