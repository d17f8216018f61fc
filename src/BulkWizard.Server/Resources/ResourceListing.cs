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
/// <c>resources/list</c>, in pages of <see cref="PageSize"/>: every plan, then every task, backup (archives included)
/// and template, each kind newest first (templates: the built-in ones first). A resource is described (a plan file
/// opened for its title) only when its page is served.
/// </summary>
internal static class ResourceListing
{
    public const int PageSize = 100;

    public static async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("resources/list has no services.");
        var entries = new List<Entry>();
        entries.AddRange(Plans(services.GetRequiredService<DataDirectory>()));
        entries.AddRange(services.GetRequiredService<TaskManager>().List().Select(Task));
        entries.AddRange((await services.GetRequiredService<IBackupStore>().ListAsync(cancellationToken)).Select(Backup));
        entries.AddRange((await services.GetRequiredService<FileTemplateStore>().ListAsync(cancellationToken)).Select(Template));

        var start = ResourceCursor.Start(request.Params?.Cursor, entries.Select(e => e.Uri).ToList());
        var page = entries.Skip(start).Take(PageSize).Select(e => e.Describe()).ToList();
        return new ListResourcesResult
        {
            Resources = page,
            NextCursor = start + page.Count < entries.Count ? ResourceCursor.After(start + page.Count, page[^1].Uri) : null,
        };
    }

    /// <summary>A resource known by its address; <see cref="Describe"/> builds what the list shows.</summary>
    private sealed record Entry(string Uri, Func<Resource> Describe);

    private static IEnumerable<Entry> Plans(DataDirectory data)
    {
        if (!Directory.Exists(data.PlansPath))
        {
            return [];
        }

        return new DirectoryInfo(data.PlansPath).EnumerateFiles("plan_*.json")
            .Where(f => PlanIdentity.IsId(Path.GetFileNameWithoutExtension(f.Name)))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new Entry(ResourceUris.Plan(Path.GetFileNameWithoutExtension(f.Name)), () => new Resource
            {
                Uri = ResourceUris.Plan(Path.GetFileNameWithoutExtension(f.Name)),
                Name = Path.GetFileNameWithoutExtension(f.Name),
                Title = PlanHeader.ReadTitle(f.FullName),
                MimeType = BulkWizardResources.Json,
                Size = f.Length,
                Annotations = new Annotations { LastModified = f.LastWriteTimeUtc },
            }));
    }

    private static Entry Task(BulkTask task) => new(ResourceUris.Task(task.Id), () => new Resource
    {
        Uri = ResourceUris.Task(task.Id),
        Name = task.Id,
        Title = $"{task.OperationType} on {task.Registry}: {TaskSnapshot.From(task, 0).Status}",
        MimeType = BulkWizardResources.Json,
        Annotations = new Annotations { LastModified = task.FinishedAt ?? task.StartedAt ?? task.CreatedAt },
    });

    private static Entry Backup(BackupSummary backup) => new(ResourceUris.Backup(backup.Id), () => new Resource
    {
        Uri = ResourceUris.Backup(backup.Id),
        Name = backup.Id,
        Title = $"{backup.Kind} of {backup.OperationType} on {backup.Registry}: {backup.SubjectCount} subject(s)",
        Description = backup.Problem,
        MimeType = BulkWizardResources.Json,
        Annotations = new Annotations { LastModified = backup.CreatedAt },
    });

    private static Entry Template(OperationTemplate template) => new(ResourceUris.Template(template.Name), () => new Resource
    {
        Uri = ResourceUris.Template(template.Name),
        Name = template.Name,
        Title = $"{(template.BuiltIn ? "built-in" : "saved")} {template.OperationType} template",
        Description = template.Description,
        MimeType = BulkWizardResources.Json,
    });
}
