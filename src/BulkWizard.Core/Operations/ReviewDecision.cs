using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Operations;

/// <summary>
/// The decision a review step takes from its answer. <see cref="Plan"/>, when set, replaces the reviewed plan
/// (e.g. subjects with active consumers skipped, or a note added to its warnings): it is sealed and saved again
/// before anything is confirmed, so the confirmation approves the plan as reviewed.
/// </summary>
public sealed record ReviewDecision(ReviewOutcome Outcome, string? Message = null, OperationPlan? Plan = null)
{
    public static ReviewDecision Continue { get; } = new(ReviewOutcome.Continue);

    /// <summary>Go on with <paramref name="plan"/> instead of the reviewed one (same id; it is sealed again).</summary>
    public static ReviewDecision Replace(OperationPlan plan) => new(ReviewOutcome.Continue, Plan: plan);

    /// <summary>Go on with <paramref name="note"/> added to the plan's warnings, so every later preview shows it.</summary>
    public static ReviewDecision Annotate(OperationPlan plan, string note) =>
        Replace(plan with { Warnings = [.. plan.Warnings, note] });

    public static ReviewDecision Cancel(string message) => new(ReviewOutcome.Cancel, message);

    public static ReviewDecision Refuse(string message) => new(ReviewOutcome.Refuse, message);
}
