using System.Text;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Plans;

/// <summary>
/// The short text shown before confirming: counts per context, the first items, the warnings, the skipped
/// subjects and the estimate. Bounded whatever the plan's size; the full plan is read page by page.
/// </summary>
public static class PlanPreview
{
    public const int ItemsShown = 10;
    public const int WarningsShown = 5;
    public const int SkippedShown = 5;
    private const int MaxLineLength = 160;

    public static string Headline(OperationPlan plan) => WizardTexts.Get("preview", plan.Changes.Count(c => !c.IsPreparation));

    public static string Render(OperationPlan plan, int pageSize)
    {
        var text = new StringBuilder();
        text.AppendLine(Line($"{plan.Title} on registry '{plan.Registry}'."));
        text.AppendLine(Line($"Plan {plan.Id} (hash {plan.Hash[..Math.Min(12, plan.Hash.Length)]}…): {plan.Changes.Count} change(s), {plan.Skipped.Count} skipped{(plan.IsDestructive ? ", DESTRUCTIVE" : "")}."));
        var perContext = plan.Changes.GroupBy(c => c.Target.Context).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}").ToList();
        if (perContext.Count > 0)
        {
            text.AppendLine(Line("By context: " + string.Join(", ", perContext.Take(ItemsShown)) + (perContext.Count > ItemsShown ? $", … ({perContext.Count} contexts)" : "")));
        }

        foreach (var change in plan.Changes.Take(ItemsShown))
        {
            text.AppendLine(Line("  - " + change.Describe()));
        }

        if (plan.Changes.Count > ItemsShown)
        {
            text.AppendLine($"  … and {plan.Changes.Count - ItemsShown} more (get_bulk_plan pages of {pageSize}).");
        }

        AppendSection(text, "Warnings", plan.Warnings, WarningsShown);
        AppendSection(text, "Skipped", [.. plan.Skipped.Select(s => $"{s.Subject}: {s.Reason}")], SkippedShown);
        var estimate = plan.Estimate;
        text.AppendLine(Line($"Estimate: {estimate.Items} item(s) in {estimate.Batches} batch(es), {estimate.DelayBetweenBatchesSeconds:0.##} s between batches, about {estimate.ExpectedSeconds:0.##} s (registry latency {estimate.MeasuredLatencyMs:0.#} ms)."));
        text.Append(plan.Config.CreateBackup ? "A backup is taken before the first change; the run can be undone." : "No backup: not undoable.");
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string title, IReadOnlyList<string> lines, int shown)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine($"{title} ({lines.Count}):");
        foreach (var line in lines.Take(shown))
        {
            text.AppendLine(Line("  ! " + line));
        }

        if (lines.Count > shown)
        {
            text.AppendLine($"  … and {lines.Count - shown} more.");
        }
    }

    private static string Line(string line) => line.Length <= MaxLineLength ? line : line[..(MaxLineLength - 1)] + "…";
}
