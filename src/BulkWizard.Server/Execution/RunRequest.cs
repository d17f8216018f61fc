namespace BulkWizard.Server.Execution;

/// <summary>
/// How a plan is asked to run: a dry run or for real, the confirmation given (<c>accept</c> or <c>YES</c>), who
/// confirmed it (written to the journal and the result), and how long the call waits for the task. With
/// <see cref="StartAt"/>, a real run waits for that time instead of starting now.
/// </summary>
public sealed record RunRequest(bool DryRun, string? Confirmation, string ConfirmedBy, int WaitSeconds)
{
    /// <summary>When the run is to start (UTC, already checked: future, within the horizon); null to start now.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>The person confirmed in a form the server showed.</summary>
    public const string UserConfirmed = "user (elicitation)";

    /// <summary>The person confirmed at the terminal (<c>bulkwizard wizard</c>).</summary>
    public const string TerminalConfirmed = "user (terminal)";

    /// <summary>The assistant confirmed with <c>confirm_bulk_operation</c>, approved in the client's own dialog.</summary>
    public const string AssistantConfirmed = "assistant (tool call)";
}
