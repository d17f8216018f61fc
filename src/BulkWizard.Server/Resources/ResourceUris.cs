namespace BulkWizard.Server.Resources;

/// <summary>The addresses of what BulkWizard keeps, as MCP resources: one template per kind, one URI per item.</summary>
public static class ResourceUris
{
    public const string Scheme = "bulkwizard://";
    public const string PlanTemplate = Scheme + "plans/{plan_id}";
    public const string BackupTemplate = Scheme + "backups/{backup_id}";
    public const string TaskTemplate = Scheme + "tasks/{task_id}";
    public const string TemplateTemplate = Scheme + "templates/{name}";

    public static string Plan(string planId) => Scheme + "plans/" + Uri.EscapeDataString(planId);

    public static string Backup(string backupId) => Scheme + "backups/" + Uri.EscapeDataString(backupId);

    public static string Task(string taskId) => Scheme + "tasks/" + Uri.EscapeDataString(taskId);

    public static string Template(string name) => Scheme + "templates/" + Uri.EscapeDataString(name);

    /// <summary>The kind (plan, backup, task, template) and the id of one of these addresses.</summary>
    public static (string Kind, string Id) Parse(string uri)
    {
        var path = uri[Scheme.Length..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return (path[..slash].TrimEnd('s'), Uri.UnescapeDataString(path[(slash + 1)..]));
    }
}
