namespace BulkWizard.Core.Backups;

/// <summary>Where backups are kept. Every backup has a folder of its own, which also holds its execution journal.</summary>
public interface IBackupStore
{
    /// <summary>Starts a backup taken entry by entry during a run; it loads once <see cref="BackupWriter.CompleteAsync"/> has sealed it.</summary>
    /// <exception cref="InvalidOperationException">A backup with this id exists already.</exception>
    Task<BackupWriter> BeginAsync(BackupManifest header, CancellationToken cancellationToken);

    /// <summary>Writes a whole backup with its checksum; a backup is never overwritten.</summary>
    /// <exception cref="InvalidOperationException">A backup with this id exists already.</exception>
    Task SaveAsync(Backup backup, CancellationToken cancellationToken);

    /// <summary>
    /// Seals the backup of a run that stopped before sealing it (killed or crashed), with <paramref name="entries"/>:
    /// the entries its journal's applying lines carry, which were on disk before each write. A sealed backup is left as it is.
    /// </summary>
    Task SealInterruptedAsync(BackupManifest header, IReadOnlyList<SubjectBackup> entries, CancellationToken cancellationToken);

    /// <summary>Reads a backup back, after checking its checksum.</summary>
    /// <exception cref="BackupNotFoundException">No backup with this id.</exception>
    /// <exception cref="BackupCorruptedException">The checksum is missing or does not match, or the content does not read back.</exception>
    Task<Backup> LoadAsync(string backupId, CancellationToken cancellationToken);

    /// <summary>Every backup, newest first; a damaged one is listed with its problem instead of being hidden.</summary>
    Task<IReadOnlyList<BackupSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The folder of a backup (created if missing), where its journal lives too.</summary>
    /// <exception cref="BackupNotFoundException">The id is not a backup id.</exception>
    string GetFolder(string backupId);
}
