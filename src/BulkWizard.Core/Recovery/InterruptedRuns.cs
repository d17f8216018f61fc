using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Recovery;

/// <summary>
/// Finds the runs that stopped without their journal's last line while no process runs them any more (killed, crashed,
/// the machine went down), from the journals in the data directory: with a backup (<c>backups/</c>, <c>archives/</c>)
/// or without one (<c>journals/</c>). A run marked recovered, or finished, is not one of them.
/// </summary>
public sealed class InterruptedRuns(DataDirectory dataDirectory, IPlanStore plans)
{
    /// <summary>The status of the last line <see cref="MarkRecoveredAsync"/> writes.</summary>
    public const string Recovered = "recovered";

    /// <summary>Every interrupted run, oldest first. A journal that does not read is skipped: it cannot be acted on.</summary>
    public async Task<IReadOnlyList<InterruptedRun>> FindAsync(CancellationToken cancellationToken)
    {
        var found = new List<InterruptedRun>();
        foreach (var folder in RunFolders())
        {
            if (await ReadAsync(folder, cancellationToken) is { } run)
            {
                found.Add(run);
            }
        }

        return [.. found.OrderBy(r => r.StartedAt)];
    }

    /// <summary>The interrupted run with this id.</summary>
    /// <exception cref="ArgumentException">No interrupted run has this id (named in the message as <c>operation_id</c>).</exception>
    public async Task<InterruptedRun> GetAsync(string operationId, CancellationToken cancellationToken)
    {
        var folder = FolderOf(operationId);
        return folder is not null && await ReadAsync(folder, cancellationToken) is { } run
            ? run
            : throw new ArgumentException(
                $"operation_id: '{operationId}' is not an interrupted operation; list_interrupted_operations lists them (a finished or recovered run is not one).");
    }

    /// <summary>The journal's folder for an operation id; null for an id that names none (or tries to leave the data directory).</summary>
    public string? FolderOf(string operationId) => FolderOf(dataDirectory, operationId);

    /// <summary>
    /// Marks the run recovered with its journal's last line, once a plan that recovers it has completed: it is no
    /// longer listed, and cannot be recovered twice.
    /// </summary>
    public static async Task MarkRecoveredAsync(DataDirectory dataDirectory, string operationId, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (FolderOf(dataDirectory, operationId) is { } folder && File.Exists(JournalPathOf(folder)))
        {
            await using var journal = await ExecutionJournal.OpenAsync(folder, clock, cancellationToken);
            await journal.AppendAsync(new CompletedEntry(Recovered), cancellationToken);
        }
    }

    internal static string JournalPathOf(string folder) => Path.Combine(folder, ExecutionJournal.FileName);

    private static string? FolderOf(DataDirectory dataDirectory, string operationId)
    {
        if (BackupId.IsValid(operationId))
        {
            return Path.Combine(BackupId.IsArchive(operationId) ? dataDirectory.ArchivesPath : dataDirectory.BackupsPath, operationId);
        }

        var safe = operationId.Length is > 0 and <= 200 && operationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return safe ? Path.Combine(dataDirectory.JournalsPath, operationId) : null;
    }

    private IEnumerable<string> RunFolders() =>
        new[] { dataDirectory.BackupsPath, dataDirectory.ArchivesPath, dataDirectory.JournalsPath }
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories);

    private async Task<InterruptedRun?> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = JournalPathOf(folder);
        if (!File.Exists(path) || EndsCompleted(path))
        {
            return null;
        }

        JournalHistory history;
        try
        {
            history = await ExecutionJournalReader.ReadAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is JournalCorruptedException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // A journal without an owner was written before owners were recorded: its process is long gone.
        if (history.Started is not { } started || history.Completed is not null || started.Owner?.IsAlive == true)
        {
            return null;
        }

        var plan = PlanIdentity.IsId(started.PlanId) ? await plans.FindAsync(started.PlanId, cancellationToken) : null;
        var touched = history.Entries.OfType<ItemEntry>().Select(e => e.Index).ToHashSet();
        var inDoubt = history.InDoubt();
        var operationId = Path.GetFileName(folder);
        return new InterruptedRun(
            operationId,
            BackupId.IsValid(operationId) ? operationId : null,
            started.PlanId,
            plan?.OperationType,
            started.Registry,
            started.TaskId,
            started.At,
            started.TotalItems,
            history.AppliedNotUndone().Count,
            [.. inDoubt.Select(e => e.Subject)],
            started.TotalItems - touched.Count,
            [.. inDoubt.SelectMany(e => TransientModes(plan, e))]);
    }

    /// <summary>
    /// Whether the journal's last line is its completed line, read from the end of the file only: a finished run's
    /// journal can hold a line per change, and there is one per backup in the data directory.
    /// </summary>
    internal static bool EndsCompleted(string path)
    {
        const int Tail = 4096;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = (int)Math.Min(Tail, stream.Length);
        stream.Seek(-length, SeekOrigin.End);
        var tail = new byte[length];
        stream.ReadExactly(tail);
        var text = System.Text.Encoding.UTF8.GetString(tail).TrimEnd('\n');
        var last = text[(text.LastIndexOf('\n') + 1)..];
        return last.Contains("\"kind\":\"completed\"", StringComparison.Ordinal);
    }

    private static IEnumerable<string> TransientModes(OperationPlan? plan, ApplyingEntry entry)
    {
        if (plan is null || entry.Index >= plan.Changes.Count)
        {
            return [];
        }

        var change = plan.Changes[entry.Index];
        return change.TransientModeScopes.Select(scope => change.Registry is null ? scope.ToString() : $"{scope} on registry '{change.Registry}'");
    }
}
