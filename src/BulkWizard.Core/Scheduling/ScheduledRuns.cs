using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Scheduling;

/// <summary>
/// The scheduled runs still waiting, one file each in <c>schedules/</c>, written atomically: a run is listed here from
/// its confirmation until its time comes (or it is cancelled), so a server started later finds it.
/// </summary>
public sealed class ScheduledRuns(DataDirectory dataDirectory)
{
    public Task SaveAsync(ScheduledRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AtomicFile.WriteJsonAsync(PathOf(dataDirectory.EnsureFolder(dataDirectory.SchedulesPath), run.TaskId), run, cancellationToken);
    }

    /// <summary>Forgets the run: it started, was cancelled, or was reported missed.</summary>
    public void Remove(string taskId) => File.Delete(PathOf(dataDirectory.SchedulesPath, taskId));

    /// <summary>The waiting runs, soonest first; a file that does not read is skipped and left for a person to look at.</summary>
    public IReadOnlyList<ScheduledRun> Load()
    {
        if (!Directory.Exists(dataDirectory.SchedulesPath))
        {
            return [];
        }

        var runs = new List<ScheduledRun>();
        foreach (var file in Directory.EnumerateFiles(dataDirectory.SchedulesPath, "task_*.json"))
        {
            try
            {
                using var stream = File.OpenRead(file);
                if (JsonSerializer.Deserialize<ScheduledRun>(stream, StorageJson.Options) is { } run)
                {
                    runs.Add(run);
                }
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // A damaged schedule never runs: better a run not done than one done without its record.
            }
        }

        return [.. runs.OrderBy(r => r.StartAt)];
    }

    private static string PathOf(string folder, string taskId) => Path.Combine(folder, taskId + ".json");
}
