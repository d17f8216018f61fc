namespace BulkWizard.Server.Wizard;

/// <summary>Where a wizard conversation is after its questions: the plan preview, the confirmation, or done.</summary>
public enum ConversationStage
{
    Asking,
    Preview,
    Confirm,
    Finished,
}
