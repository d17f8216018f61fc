using System.Globalization;
using System.Text;

namespace BulkWizard.Core.Reports;

/// <summary>The report as Markdown for a ticket or a wiki page: a header, the counts, a table of every item, the skipped subjects.</summary>
public static class TaskReportMarkdown
{
    public static string Render(TaskReport report, int? maxItems = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        Line(text, "Task", $"`{report.TaskId}`{(report.DryRun ? " (dry run)" : "")}, {report.Status}");
        Line(text, "Plan", $"`{report.PlanId}`, hash `{report.PlanHash}`");
        Line(text, "Operation", $"{report.OperationType} on registry {Escape(report.Registry)}");
        Line(text, "Run", $"{Time(report.StartedAt)} to {Time(report.FinishedAt)}, confirmed by {Escape(report.ConfirmedBy)}");
        Line(text, "Backup", report.BackupId is { } backup ? $"`{backup}`" : "none");
        Line(text, "Result", Escape(report.Summary));
        Line(text, "Outcomes", string.Join(", ", report.Outcomes.Select(o => $"{o.Value} {o.Key}")));
        text.AppendLine();
        text.AppendLine("| # | subject | change | before | after | outcome |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var item in maxItems is { } max ? report.Items.Take(max) : report.Items)
        {
            var subject = item.Registry is null ? item.Subject : $"{item.Subject} (registry {item.Registry})";
            var outcome = item.Message is null ? item.Outcome : $"{item.Outcome}: {item.Message}";
            text.Append(CultureInfo.InvariantCulture, $"| {item.Index + 1} | {Escape(subject)} | {Escape(item.Change)} | ")
                .Append(CultureInfo.InvariantCulture, $"{Code(item.Before?.ToJsonString())} | {Code(item.After?.ToJsonString())} | {Escape(outcome)} |")
                .AppendLine();
        }

        if (maxItems is { } shown && report.Items.Count > shown)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"… and {report.Items.Count - shown} more item(s) in the report files.");
        }

        if (report.Skipped.Count > 0)
        {
            text.AppendLine().AppendLine("## Skipped subjects").AppendLine();
            foreach (var skipped in report.Skipped)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(skipped.Subject)}: {Escape(skipped.Reason)}");
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) => text.Append("- **").Append(label).Append(":** ").AppendLine(value);

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>A JSON state in a table cell: code, with the pipes that would end the cell escaped.</summary>
    private static string Code(string? json) => json is null ? "–" : "`" + json.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
}
