namespace BulkWizard.Core.Reports;

/// <summary>Where a run's report was written: JSON and Markdown, in <c>reports/{task_id}/</c> of the data directory.</summary>
public sealed record TaskReportFiles(string JsonPath, string MarkdownPath);
