using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Tasks;

/// <summary>
/// Finished tasks kept in the data directory (<c>tasks/</c>, one file each), so <c>get_task_status</c> and
/// <c>list_tasks</c> answer after a restart. Bounded: the newest <see cref="Kept"/> tasks, each result with its counts
/// and its first <see cref="ItemsKept"/> items (the journal beside the run's backup has every item).
/// </summary>
public sealed class FinishedTasks(DataDirectory dataDirectory)
{
    public const int Kept = 200;
    public const int ItemsKept = 100;

    /// <summary>Writes the finished task, then removes the oldest files beyond <see cref="Kept"/>.</summary>
    public async Task SaveAsync(BulkTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var result = task.Result is { } full && full.Items.Count > ItemsKept ? full with { Items = [.. full.Items.Take(ItemsKept)] } : task.Result;
        var record = new FinishedTaskRecord(
            task.Id, task.PlanId, task.Registry, task.OperationType, task.CreatedAt, task.StartedAt, task.FinishedAt, task.Status, task.Processed, task.TotalItems, task.Message, result, task.StartAt, task.Replanned);
        await AtomicFile.WriteJsonAsync(Path.Combine(dataDirectory.EnsureFolder(dataDirectory.TasksPath), task.Id + ".json"), record, cancellationToken);
        foreach (var old in Files().Skip(Kept))
        {
            File.Delete(old.FullName);
        }
    }

    /// <summary>The kept tasks, newest first; a file that does not read is skipped.</summary>
    public IReadOnlyList<BulkTask> Load()
    {
        var tasks = new List<BulkTask>();
        foreach (var file in Files().Take(Kept))
        {
            try
            {
                using var stream = file.OpenRead();
                if (JsonSerializer.Deserialize<FinishedTaskRecord>(stream, StorageJson.Options) is { } record)
                {
                    tasks.Add(BulkTask.Restored(record));
                }
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // A damaged record only loses that task's status; the run's journal and backup are untouched.
            }
        }

        return tasks;
    }

    private IEnumerable<FileInfo> Files() =>
        Directory.Exists(dataDirectory.TasksPath)
            ? new DirectoryInfo(dataDirectory.TasksPath).EnumerateFiles("task_*.json").OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)
            : [];
}
