namespace BulkWizard.Server.Wizard;

/// <summary>What a retried call carries back: the wizard session, the step it answers, and how many questions this call has asked.</summary>
public sealed record RequestState(string SessionId, string StepId, int Round);
