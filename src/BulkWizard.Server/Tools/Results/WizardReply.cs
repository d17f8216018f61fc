namespace BulkWizard.Server.Tools.Results;

/// <summary>
/// What the wizard and planning tools return. <see cref="Status"/>: <c>needs_input</c> (answer
/// <see cref="Question"/>), <c>planned</c> (confirm <see cref="Plan"/>), <c>cancelled</c> (nothing changed),
/// or a task status once a confirmed plan runs (see <see cref="Task"/>).
/// </summary>
public sealed record WizardReply
{
    public required string Status { get; init; }

    /// <summary>The registry acted on.</summary>
    public required string Registry { get; init; }

    public string? SessionId { get; init; }

    public string? Message { get; init; }

    public PendingQuestion? Question { get; init; }

    public IReadOnlyList<string>? Errors { get; init; }

    public PlanSummary? Plan { get; init; }

    public TaskSnapshot? Task { get; init; }

    /// <summary>What to call next, in words.</summary>
    public string? Next { get; init; }
}
