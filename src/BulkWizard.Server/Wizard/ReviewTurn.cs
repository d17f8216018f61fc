using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// Where the review of a plan stands after a step: a question to ask (again, with <see cref="Errors"/>), a decision
/// that ends the wizard (<see cref="Stop"/>: cancelled or refused), or neither: go on to the confirmation.
/// </summary>
public sealed record ReviewTurn(Question? Question = null, ReviewDecision? Stop = null, IReadOnlyList<string>? Errors = null)
{
    public static ReviewTurn Done { get; } = new();
}
