using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// The questions after planning: "This operation will affect N schemas. View details?", then "Do you want
/// to proceed with this operation?" (run, dry run only, cancel), or, for a destructive plan after its dry
/// run, a typed YES.
/// </summary>
public static class PlanStageQuestions
{
    public const string PreviewStep = "preview";
    public const string ConfirmStep = "confirm";
    public const string ViewDetails = "view_details";
    public const string Decision = "decision";
    public const string Confirmation = "confirmation";
    public const string Proceed = "proceed";
    public const string DryRun = "dry_run";
    public const string Cancel = "cancel";

    public static Question Preview(OperationPlan plan) =>
        new(PreviewStep, PlanPreview.Headline(plan), new Field(ViewDetails, FieldKind.Boolean, "View details"));

    public static Question Confirm(OperationPlan plan, ConversationState state)
    {
        var context = state.ViewDetails ? PlanPreview.Render(plan, Tools.Results.PlanSummary.PageSize) : Summary(plan);
        if (state.StartAt is { } startAt)
        {
            // The person confirms now what runs later: said before the answer, not after.
            context += $"\n\nScheduled: the run starts at {Core.Scheduling.StartAt.Format(startAt)}, and only if the registry then still gives this very plan.";
        }

        if (plan.IsDestructive)
        {
            return new Question(
                ConfirmStep,
                $"{context}\n\nDry run: {state.DryRunSummary}\n\n{ConfirmPrompt(plan)}",
                new Field(Confirmation, FieldKind.TypedConfirmation, "Confirmation") { Expected = PlanApprovals.TypedYes });
        }

        return new Question(
            ConfirmStep,
            $"{context}\n\n{ConfirmPrompt(plan)}",
            new Field(Decision, FieldKind.Choice, "Decision")
            {
                Options =
                [
                    new(Proceed, WizardTexts.Get("proceed_run")),
                    new(DryRun, WizardTexts.Get("proceed_dry_run")),
                    new(Cancel, WizardTexts.Get("proceed_cancel")),
                ],
            });
    }

    /// <summary>The confirmation's own words, after what is shown of the plan: type YES (destructive), or proceed?</summary>
    public static string ConfirmPrompt(OperationPlan plan) => WizardTexts.Get(plan.IsDestructive ? "type_yes" : "proceed");

    /// <summary>The title, the counts and every warning: what must be seen before confirming even without details.</summary>
    private static string Summary(OperationPlan plan)
    {
        var lines = new List<string> { $"{plan.Title}: {plan.Changes.Count} change(s), {plan.Skipped.Count} skipped, about {plan.Estimate.ExpectedSeconds:0.##} s." };
        lines.AddRange(plan.Warnings.Take(PlanPreview.WarningsShown).Select(w => "! " + w));
        return string.Join('\n', lines);
    }
}
