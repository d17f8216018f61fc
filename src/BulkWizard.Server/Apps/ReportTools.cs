using System.ComponentModel;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Reports;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Apps;

/// <summary>The report of a finished run, item by item, as files for a ticket and a bounded part inline.</summary>
[McpServerToolType]
public sealed class ReportTools(TaskManager tasks, IPlanStore plans, DataDirectory dataDirectory, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "get_task_report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The report of a finished run: every item with its before and after and its outcome (applied, undone, conflict, failed, …) and why, the counts, the skipped subjects. Writes report.json and report.md (every item) in the data directory's reports/{task_id} folder and returns their paths, with the first 100 items inline: as Markdown (format markdown, the default) or as items (format json). Changes nothing in the registry.")]
    public Task<TaskReportResult> GetTaskReport(
        [Description("The task_id returned when a plan was confirmed (list_tasks lists them).")] string task_id,
        [Description("markdown (default): the first 100 items as a Markdown table; json: as items.")] string format = "markdown",
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            if (format is not ("markdown" or "json"))
            {
                throw new McpException($"format: '{format}' is not allowed; use markdown or json.");
            }

            var task = tasks.Find(task_id)
                ?? throw new McpException($"task_id: no task '{task_id}' (finished tasks are kept across restarts, the newest 200); list_tasks shows them.");
            var plan = await plans.FindAsync(task.PlanId, cancellationToken)
                ?? throw new McpException($"task_id: the plan {task.PlanId} of task {task_id} is no longer in the data directory, so its changes are unknown.");
            var report = await TaskReportBuilder.BuildAsync(task, plan, cancellationToken);
            var files = await new TaskReportWriter(dataDirectory).WriteAsync(report, cancellationToken);
            return TaskReportResult.Of(report, files, markdown: format == "markdown");
        });
}
