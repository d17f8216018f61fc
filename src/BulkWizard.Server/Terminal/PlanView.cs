using BulkWizard.Core.Plans;
using BulkWizard.Server.Wizard;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// The plan as tables: at the preview the headline counts, the first changes (before → after), the skipped subjects
/// with their reasons, the warnings and the estimate; at the confirmation, when the person asked for details, every
/// change up to <see cref="DetailRows"/> (the plan file holds the rest) and the dry run's summary before a typed YES.
/// </summary>
internal sealed class PlanView(IAnsiConsole console, IPlanStore plans)
{
    public const int DetailRows = 500;

    private (string StepId, string PlanHash)? _shown;

    /// <summary>
    /// Shows what comes before a plan-stage question (once: not again when the same question is asked again after a
    /// refused answer) and returns the words to ask it with; other questions keep their message.
    /// </summary>
    public string Before(string stepId, string message, ConversationState state)
    {
        if (state.Plan is not { } plan)
        {
            return message;
        }

        if (_shown == (stepId, plan.Hash))
        {
            return stepId == PlanStageQuestions.ConfirmStep ? PlanStageQuestions.ConfirmPrompt(plan) : message;
        }

        _shown = (stepId, plan.Hash);

        switch (stepId)
        {
            case PlanStageQuestions.PreviewStep:
                Summary(plan);
                Rows(plan, PlanPreview.ItemsShown, PlanPreview.SkippedShown);
                return message;
            case PlanStageQuestions.ConfirmStep:
                if (state.ViewDetails)
                {
                    Rows(plan, DetailRows, DetailRows);
                }

                Warnings(plan);
                if (state.DryRunSummary is { } dryRun)
                {
                    console.MarkupLineInterpolated($"[bold]Dry run:[/] {dryRun}");
                }

                return PlanStageQuestions.ConfirmPrompt(plan);
            default:
                return message;
        }
    }

    /// <summary>The preview of a saved plan outside a conversation (an applied export): counts, first changes, skipped, warnings, estimate.</summary>
    public void Show(OperationPlan plan)
    {
        Summary(plan);
        Rows(plan, PlanPreview.ItemsShown, PlanPreview.SkippedShown);
    }

    private void Summary(OperationPlan plan)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow(new Markup("[bold]Plan[/]"), new Text($"{plan.Title} on registry '{plan.Registry}'"));
        grid.AddRow(new Markup("[bold]Id[/]"), new Text($"{plan.Id} (file {plans.PathOf(plan.Id)})"));
        grid.AddRow(
            new Markup("[bold]Changes[/]"),
            new Markup($"{plan.Changes.Count} change(s), {plan.Skipped.Count} skipped{(plan.IsDestructive ? ", [red bold]DESTRUCTIVE[/]" : "")}"));
        var estimate = plan.Estimate;
        grid.AddRow(
            new Markup("[bold]Estimate[/]"),
            new Text($"{estimate.Items} item(s) in {estimate.Batches} batch(es), {estimate.DelayBetweenBatchesSeconds:0.##} s between batches, about {estimate.ExpectedSeconds:0.##} s"));
        grid.AddRow(
            new Markup("[bold]Backup[/]"),
            new Text(plan.Config.CreateBackup ? "taken before the first change; the run can be undone" : "none: not undoable"));
        console.Write(new Panel(grid).Header("Preview"));
        Warnings(plan);
    }

    private void Rows(OperationPlan plan, int changesShown, int skippedShown)
    {
        if (plan.Changes.Count > 0)
        {
            var changes = new Table().Title("Changes").AddColumn("Subject").AddColumn("Before → after");
            foreach (var change in plan.Changes.Take(changesShown))
            {
                changes.AddRow(new Text(change.Subject.Length == 0 ? "(global)" : change.Subject), new Text(Change(change)));
            }

            console.Write(changes);
            More(plan.Changes.Count, changesShown, plan);
        }

        if (plan.Skipped.Count > 0)
        {
            var skipped = new Table().Title("Skipped").AddColumn("Subject").AddColumn("Reason");
            foreach (var subject in plan.Skipped.Take(skippedShown))
            {
                skipped.AddRow(new Text(subject.Subject), new Text(subject.Reason));
            }

            console.Write(skipped);
            More(plan.Skipped.Count, skippedShown, plan);
        }
    }

    private void Warnings(OperationPlan plan)
    {
        foreach (var warning in plan.Warnings.Take(PlanPreview.WarningsShown))
        {
            console.MarkupLineInterpolated($"[yellow]! {warning}[/]");
        }

        if (plan.Warnings.Count > PlanPreview.WarningsShown)
        {
            console.MarkupLineInterpolated($"[yellow]! … and {plan.Warnings.Count - PlanPreview.WarningsShown} more warning(s) in the plan file.[/]");
        }
    }

    private void More(int count, int shown, OperationPlan plan)
    {
        if (count > shown)
        {
            console.MarkupLineInterpolated($"[grey]… and {count - shown} more in {plans.PathOf(plan.Id)}.[/]");
        }
    }

    /// <summary>A change's own description without the subject it starts with (the first column has it).</summary>
    private static string Change(PlannedChange change)
    {
        var text = change.Describe();
        var prefix = change.Subject + ": ";
        return change.Subject.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
    }
}
