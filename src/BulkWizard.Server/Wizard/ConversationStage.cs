namespace BulkWizard.Server.Wizard;

/// <summary>
/// Where a wizard conversation is after its questions: the plan preview, the operation's review steps, the
/// confirmation, or done (the plan handed out, run, or the wizard ended).
/// </summary>
public enum ConversationStage
{
    Asking,
    Preview,
    Review,
    Confirm,
    Finished,
}
