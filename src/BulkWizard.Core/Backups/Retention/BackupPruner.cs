using System.Globalization;
using System.Security.Cryptography;
using BulkWizard.Core.Audit;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Recovery;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Backups.Retention;

/// <summary>
/// Applies the <see cref="BackupRetentionPolicy"/> to the backups of runs (<see cref="DataDirectory.BackupsPath"/>, maybe
/// shared by several servers; archives are kept as archives): after a run sealed its backup and at start-up. It is
/// conservative: a backup is never removed while its seal is missing (a run, here or on another machine, may still be
/// writing it), while its journal lacks its last line (the run is going on, or was interrupted and not recovered), or
/// while a task this server knows may still be undone from it (<c>undo_task</c> reads the journal beside the backup),
/// nor a backup whose run was on another host (that host's server knows its tasks, and removes it by its own policy).
/// Every removal is logged and written to the audit log.
/// </summary>
public sealed class BackupPruner(
    DataDirectory dataDirectory, BackupRetentionPolicy policy, AuditLog audit, TimeProvider clock, ILogger<BackupPruner> logger, TaskManager? tasks = null)
{
    /// <summary>Removes what the policy allows; <paramref name="justSealed"/> (the backup of the run that just ended) is never removed.</summary>
    /// <param name="trigger">Why it runs, for the log and the audit entry: <c>after backup bk_…</c>, <c>at start-up</c>.</param>
    public async Task<PruneReport> PruneAsync(string trigger, string? justSealed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var root = dataDirectory.BackupsPath;
        if (policy.KeepsEverything || !Directory.Exists(root))
        {
            return PruneReport.Nothing;
        }

        var now = clock.GetUtcNow();
        var backups = Directory.EnumerateDirectories(root)
            .Select(folder => (Id: Path.GetFileName(folder), Folder: folder))
            .Where(b => BackupId.IsValid(b.Id) && !BackupId.IsArchive(b.Id))
            .Select(b => (b.Id, b.Folder, CreatedAt: BackupId.CreatedAt(b.Id)))
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id, StringComparer.Ordinal)
            .ToList();
        var undoable = UndoableBackups();
        var removed = new List<PrunedBackup>();
        var kept = new List<PrunedBackup>();
        for (var rank = 0; rank < backups.Count; rank++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (id, folder, createdAt) = backups[rank];
            if (Expiry(rank, createdAt, now) is not { } reason)
            {
                continue;
            }

            var protection = Protection(id, folder, justSealed, undoable) ?? await OtherHostAsync(folder, cancellationToken);
            if (protection is not null)
            {
                kept.Add(new PrunedBackup(id, createdAt, protection));
                RetentionLog.KeptProtected(logger, id, protection);
            }
            else if (TryRemove(id, folder))
            {
                removed.Add(new PrunedBackup(id, createdAt, reason));
            }
        }

        if (removed.Count > 0)
        {
            var listed = string.Join("; ", removed);
            RetentionLog.Removed(logger, trigger, removed.Count, root, listed);
            try
            {
                await audit.AppendBackupsRemovedAsync([.. removed.Select(r => r.ToString())], trigger, now, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                RetentionLog.NotAudited(logger, e, removed.Count, listed);
            }
        }

        return new PruneReport(removed, kept);
    }

    /// <summary>As <see cref="PruneAsync"/>, but a failure (the folder unreadable, shutdown) is logged, never thrown: retention never fails a run or the start.</summary>
    public async Task<PruneReport> PruneOrLogAsync(string trigger, string? justSealed, CancellationToken cancellationToken)
    {
        try
        {
            return await PruneAsync(trigger, justSealed, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            RetentionLog.Failed(logger, e, trigger);
            return PruneReport.Nothing;
        }
    }

    /// <summary>Why the policy would remove the backup at this rank (0 = newest); null when it keeps it.</summary>
    private string? Expiry(int rank, DateTimeOffset createdAt, DateTimeOffset now)
    {
        if (policy.MaxAgeDays is { } days && createdAt < now - TimeSpan.FromDays(days))
        {
            return string.Create(CultureInfo.InvariantCulture, $"older than {days} day(s)");
        }

        return policy.MaxCount is { } count && rank >= count
            ? string.Create(CultureInfo.InvariantCulture, $"beyond the newest {count}")
            : null;
    }

    private static string? Protection(string id, string folder, string? justSealed, IReadOnlyDictionary<string, string> undoable)
    {
        if (string.Equals(id, justSealed, StringComparison.Ordinal))
        {
            return "the run that just ended wrote it";
        }

        if (!File.Exists(Path.Combine(folder, FileBackupStore.ChecksumFileName)))
        {
            return "it is not sealed: a run, on this server or another, may still be writing it, or died before sealing it (recover_operation seals it)";
        }

        var journal = Path.Combine(folder, ExecutionJournal.FileName);
        if (File.Exists(journal) && !EndsCompleted(journal))
        {
            return "its run has not finished: it is still going, or was interrupted and not recovered (list_interrupted_operations)";
        }

        return undoable.GetValueOrDefault(id);
    }

    /// <summary>
    /// A backup whose run was on another host is left to that host's server: only it knows whether its task may still be
    /// undone. A journal that does not read names no host.
    /// </summary>
    private static async Task<string?> OtherHostAsync(string folder, CancellationToken cancellationToken)
    {
        var journal = Path.Combine(folder, ExecutionJournal.FileName);
        if (!File.Exists(journal))
        {
            return null;
        }

        try
        {
            var owner = (await ExecutionJournalReader.ReadAsync(journal, cancellationToken)).Started?.Owner;
            return owner is not null && !string.Equals(owner.HostName, Execution.Locking.ProcessProbe.HostName, StringComparison.OrdinalIgnoreCase)
                ? $"its run was on host '{owner.HostName}', whose server alone knows whether its task may still be undone; that server's retention removes it"
                : null;
        }
        catch (Exception e) when (e is JournalCorruptedException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The backups of tasks this server knows that left changes applied: <c>undo_task</c> may still need them.</summary>
    private Dictionary<string, string> UndoableBackups()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in tasks?.List() ?? [])
        {
            if (task.Result is { DryRun: false, Applied: > 0, BackupId: { } backupId })
            {
                found.TryAdd(backupId, $"task {task.Id} left {task.Result.Applied} change(s) applied, and undo_task may still need its journal and backup");
            }
        }

        return found;
    }

    private static bool EndsCompleted(string journal)
    {
        try
        {
            return InterruptedRuns.EndsCompleted(journal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Moves the folder aside under a name no listing takes for a backup, then deletes it: another server listing
    /// meanwhile never sees half a backup, and two servers pruning at once do not both remove it.
    /// </summary>
    private bool TryRemove(string id, string folder)
    {
        var aside = Path.Combine(Path.GetDirectoryName(folder)!, $".removing-{id}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        try
        {
            Directory.Move(folder, aside);
        }
        catch (DirectoryNotFoundException)
        {
            return false; // Another server removed it first.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RetentionLog.NotRemoved(logger, e, id);
            return false;
        }

        try
        {
            Directory.Delete(aside, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It is out of every listing already; what is left is only disk space.
            RetentionLog.NotRemoved(logger, e, id);
        }

        return true;
    }
}
