namespace BulkWizard.Core.Plans;

/// <summary>
/// What a replay of a plan's answers gave: the new plan (sealed, not saved) and whether it is the plan that was
/// confirmed; or, when the answers no longer plan at all (a question they do not answer, a selection that is now
/// empty), why, in <see cref="Problem"/>.
/// </summary>
public sealed record PlanReplayResult(OperationPlan? Replanned, bool Matches, string? Problem)
{
    public static PlanReplayResult NotPlanned(string problem) => new(null, false, problem);
}
