using System.Text;
using System.Text.Json;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Reports;

/// <summary>Writes a run's report as <c>report.json</c> and <c>report.md</c> in <c>reports/{task_id}/</c>, atomically and readable by the user only.</summary>
public sealed class TaskReportWriter(DataDirectory dataDirectory)
{
    private static readonly JsonSerializerOptions Json = new(PlanJson.Options) { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    public async Task<TaskReportFiles> WriteAsync(TaskReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = dataDirectory.EnsureFolder(Path.Combine(dataDirectory.ReportsPath, report.TaskId));
        var files = new TaskReportFiles(Path.Combine(folder, "report.json"), Path.Combine(folder, "report.md"));
        await AtomicFile.WriteAsync(files.JsonPath, (stream, token) => JsonSerializer.SerializeAsync(stream, report, Json, token), cancellationToken);
        await AtomicFile.WriteAsync(files.MarkdownPath, Encoding.UTF8.GetBytes(TaskReportMarkdown.Render(report)), cancellationToken);
        return files;
    }
}
