using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Templates;
using BulkWizard.Server.Tools.Results;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Resources;

/// <summary>
/// <c>resources/list</c>: the newest <see cref="PerKind"/> plans, tasks and backups (archives included), newest first,
/// and the built-in templates with the newest 50 saved ones. Older items stay readable through the resource templates.
/// </summary>
internal static class ResourceListing
{
    public const int PerKind = 50;

    public static async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("resources/list has no services.");
        var resources = new List<Resource>();
        resources.AddRange(Plans(services.GetRequiredService<DataDirectory>()));
        resources.AddRange(services.GetRequiredService<TaskManager>().List().Take(PerKind).Select(Task));
        resources.AddRange((await services.GetRequiredService<IBackupStore>().ListAsync(cancellationToken)).Take(PerKind).Select(Backup));
        resources.AddRange((await services.GetRequiredService<FileTemplateStore>().ListAsync(cancellationToken)).Take(BuiltInTemplates.All.Count + PerKind).Select(Template));
        return new ListResourcesResult { Resources = resources };
    }

    private static IEnumerable<Resource> Plans(DataDirectory data)
    {
        if (!Directory.Exists(data.PlansPath))
        {
            return [];
        }

        return new DirectoryInfo(data.PlansPath).EnumerateFiles("plan_*.json")
            .Where(f => PlanIdentity.IsId(Path.GetFileNameWithoutExtension(f.Name)))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Take(PerKind)
            .Select(f => new Resource
            {
                Uri = ResourceUris.Plan(Path.GetFileNameWithoutExtension(f.Name)),
                Name = Path.GetFileNameWithoutExtension(f.Name),
                Title = PlanHeader.ReadTitle(f.FullName),
                MimeType = BulkWizardResources.Json,
                Size = f.Length,
                Annotations = new Annotations { LastModified = f.LastWriteTimeUtc },
            });
    }

    private static Resource Task(BulkTask task) => new()
    {
        Uri = ResourceUris.Task(task.Id),
        Name = task.Id,
        Title = $"{task.OperationType} on {task.Registry}: {TaskSnapshot.From(task, 0).Status}",
        MimeType = BulkWizardResources.Json,
        Annotations = new Annotations { LastModified = task.FinishedAt ?? task.StartedAt ?? task.CreatedAt },
    };

    private static Resource Backup(BackupSummary backup) => new()
    {
        Uri = ResourceUris.Backup(backup.Id),
        Name = backup.Id,
        Title = $"{backup.Kind} of {backup.OperationType} on {backup.Registry}: {backup.SubjectCount} subject(s)",
        Description = backup.Problem,
        MimeType = BulkWizardResources.Json,
        Annotations = new Annotations { LastModified = backup.CreatedAt },
    };

    private static Resource Template(OperationTemplate template) => new()
    {
        Uri = ResourceUris.Template(template.Name),
        Name = template.Name,
        Title = $"{(template.BuiltIn ? "built-in" : "saved")} {template.OperationType} template",
        Description = template.Description,
        MimeType = BulkWizardResources.Json,
    };
}
