using BulkWizard.Core.Reports;

namespace BulkWizard.Server.Tools.Results;

/// <summary>
/// A finished run's report: the counts, where the full report is (JSON and Markdown, every item), and its first
/// <see cref="ItemsShown"/> items inline as Markdown or as items, by the format asked for.
/// </summary>
public sealed record TaskReportResult(
    string TaskId,
    string PlanId,
    string Status,
    bool DryRun,
    string Summary,
    IReadOnlyDictionary<string, int> Outcomes,
    int TotalItems,
    int ItemsShown,
    string JsonPath,
    string MarkdownPath,
    string? Markdown,
    IReadOnlyList<ReportItem>? Items)
{
    public const int ItemsShownMax = 100;

    public static TaskReportResult Of(TaskReport report, TaskReportFiles files, bool markdown)
    {
        var shown = Math.Min(ItemsShownMax, report.Items.Count);
        return new TaskReportResult(
            report.TaskId,
            report.PlanId,
            report.Status,
            report.DryRun,
            report.Summary,
            report.Outcomes,
            report.Items.Count,
            shown,
            files.JsonPath,
            files.MarkdownPath,
            markdown ? TaskReportMarkdown.Render(report, ItemsShownMax) : null,
            markdown ? null : [.. report.Items.Take(shown).Select(i => new ReportItem(
                i.Index, i.Subject, i.Registry, i.Change, i.Before?.ToJsonString(), i.After?.ToJsonString(), i.Outcome, i.Message))]);
    }
}
