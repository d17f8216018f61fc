using System.ComponentModel;
using System.Text.Json;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Templates;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Resources;

/// <summary>
/// Plans, backups, tasks and templates as MCP resources (JSON, whole: a plan with every change, a backup with every
/// schema), read through their URI templates. <see cref="ResourceListing"/> lists the newest of each.
/// </summary>
[McpServerResourceType]
public sealed class BulkWizardResources(IPlanStore plans, IBackupStore backups, TaskManager tasks, FileTemplateStore templates)
{
    public const string Json = "application/json";

    [McpServerResource(UriTemplate = ResourceUris.PlanTemplate, Name = "plan", Title = "Plan", MimeType = Json)]
    [Description("A whole plan: every change with its before and after, the skipped subjects, warnings, estimate and the answers it was made from. plan_id as returned by the wizard and planning tools.")]
    public async Task<ResourceContents> ReadPlan(McpServer server, string plan_id, CancellationToken cancellationToken)
    {
        var uri = ResourceUris.Plan(plan_id);
        if (!PlanIdentity.IsId(plan_id))
        {
            throw ResourceNotFound.For(server, uri, $"plan_id '{plan_id}' is not a plan id ({PlanIdentity.IdFormat}).");
        }

        var plan = await plans.FindAsync(plan_id, cancellationToken)
            ?? throw ResourceNotFound.For(server, uri, $"no plan '{plan_id}'.");
        return Contents(uri, PlanJson.Serialize(plan));
    }

    [McpServerResource(UriTemplate = ResourceUris.BackupTemplate, Name = "backup", Title = "Backup or archive", MimeType = Json)]
    [Description("A whole backup or archive, checksum verified: each subject's versions with their schema text, ids and references, its own config and mode.")]
    public async Task<ResourceContents> ReadBackup(McpServer server, string backup_id, CancellationToken cancellationToken)
    {
        var uri = ResourceUris.Backup(backup_id);
        try
        {
            return Contents(uri, BackupJson.Serialize(await backups.LoadAsync(backup_id, cancellationToken)));
        }
        catch (BackupNotFoundException e)
        {
            throw ResourceNotFound.For(server, uri, $"backup_id: {e.Message}");
        }
        catch (BackupCorruptedException e)
        {
            throw new McpException($"{uri}: backup_id: {e.Message}", e);
        }
    }

    [McpServerResource(UriTemplate = ResourceUris.TaskTemplate, Name = "task", Title = "Task", MimeType = Json)]
    [Description("A run: its status and progress and, once finished, its result with every item it kept (up to 1000).")]
    public ResourceContents ReadTask(McpServer server, string task_id)
    {
        var uri = ResourceUris.Task(task_id);
        var task = tasks.Find(task_id) ?? throw ResourceNotFound.For(server, uri, $"no task '{task_id}' (finished tasks are kept across restarts, the newest 200).");
        return Contents(uri, JsonSerializer.Serialize(TaskSnapshot.From(task, int.MaxValue), ToolJson.Options));
    }

    [McpServerResource(UriTemplate = ResourceUris.TemplateTemplate, Name = "template", Title = "Operation template", MimeType = Json)]
    [Description("An operation template: its operation type and the answers it pre-fills; start_bulk_wizard(template: name) starts a wizard from it.")]
    public async Task<ResourceContents> ReadTemplate(McpServer server, string name, CancellationToken cancellationToken)
    {
        var uri = ResourceUris.Template(name);
        try
        {
            var template = await templates.FindAsync(name, cancellationToken) ?? throw ResourceNotFound.For(server, uri, $"no template '{name}'.");
            return Contents(uri, JsonSerializer.Serialize(template, ToolJson.Options));
        }
        catch (TemplateException e)
        {
            throw ResourceNotFound.For(server, uri, e.Message);
        }
    }

    private static TextResourceContents Contents(string uri, string json) => new() { Uri = uri, MimeType = Json, Text = json };
}
