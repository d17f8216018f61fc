using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Keeps each backup in <c>backups/{id}/</c> of the data directory: <c>backup.json</c>, its SHA-256 in
/// <c>backup.json.sha256</c> (the <c>sha256sum</c> format, so a person can check it too) and a small
/// <c>summary.json</c> for listings. Every file is written atomically with mode 0600.
/// </summary>
public sealed class FileBackupStore(DataDirectory dataDirectory) : IBackupStore
{
    public const string BackupFileName = "backup.json";
    public const string ChecksumFileName = "backup.json.sha256";
    public const string SummaryFileName = "summary.json";

    public async Task SaveAsync(Backup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var folder = GetFolder(backup.Id);
        var backupPath = Path.Combine(folder, BackupFileName);
        if (File.Exists(backupPath))
        {
            throw new InvalidOperationException($"Backup '{backup.Id}' exists already; a backup is never overwritten.");
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(backup, StorageJson.Options);
        // The backup first, then its checksum: a crash in between leaves a backup without checksum,
        // which loads as damaged rather than as a valid backup of something else.
        await AtomicFile.WriteAsync(backupPath, content, cancellationToken);
        await AtomicFile.WriteAsync(Path.Combine(folder, ChecksumFileName), Encoding.UTF8.GetBytes($"{Sha256Of(content)}  {BackupFileName}\n"), cancellationToken);
        await AtomicFile.WriteJsonAsync(Path.Combine(folder, SummaryFileName), BackupSummary.Of(backup), cancellationToken);
    }

    public async Task<Backup> LoadAsync(string backupId, CancellationToken cancellationToken)
    {
        var folder = FolderOf(backupId);
        var backupPath = Path.Combine(folder, BackupFileName);
        if (!File.Exists(backupPath))
        {
            throw Directory.Exists(folder)
                ? new BackupCorruptedException(backupId, $"{BackupFileName} is missing from {folder} (the save did not finish).")
                : new BackupNotFoundException(backupId, $"no folder {folder}.");
        }

        var content = await ReadOrThrowAsync(backupId, backupPath, cancellationToken);
        var expected = await ReadChecksumAsync(backupId, Path.Combine(folder, ChecksumFileName), cancellationToken);
        var actual = Sha256Of(content);
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupCorruptedException(backupId, $"checksum mismatch in {backupPath} (stored {expected}, content {actual}); the file was changed after it was written.");
        }

        Backup? backup;
        try
        {
            backup = JsonSerializer.Deserialize<Backup>(content, StorageJson.Options);
        }
        catch (JsonException e)
        {
            throw new BackupCorruptedException(backupId, $"{backupPath} does not read as a backup: {e.Message}", e);
        }

        if (backup is null || backup.Id != backupId)
        {
            throw new BackupCorruptedException(backupId, $"{backupPath} holds backup '{backup?.Id}', not this one.");
        }

        if (backup.Format != Backup.CurrentFormat)
        {
            throw new BackupCorruptedException(backupId, $"format {backup.Format} is not known to this version (it reads format {Backup.CurrentFormat}).");
        }

        return backup;
    }

    public async Task<IReadOnlyList<BackupSummary>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataDirectory.BackupsPath))
        {
            return [];
        }

        var summaries = new List<BackupSummary>();
        foreach (var folder in Directory.EnumerateDirectories(dataDirectory.BackupsPath))
        {
            var id = Path.GetFileName(folder);
            if (BackupId.IsValid(id))
            {
                summaries.Add(await SummarizeAsync(id, folder, cancellationToken));
            }
        }

        return summaries.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public string GetFolder(string backupId)
    {
        dataDirectory.EnsureBackupsFolder();
        return dataDirectory.EnsureFolder(FolderOf(backupId));
    }

    private string FolderOf(string backupId) =>
        BackupId.IsValid(backupId)
            ? Path.Combine(dataDirectory.BackupsPath, backupId)
            : throw new BackupNotFoundException(backupId, "not a backup id (expected the form bk_20261126T133000Z_1f3a9c0e).");

    private async Task<BackupSummary> SummarizeAsync(string id, string folder, CancellationToken cancellationToken)
    {
        var summaryPath = Path.Combine(folder, SummaryFileName);
        try
        {
            if (File.Exists(summaryPath) && File.Exists(Path.Combine(folder, ChecksumFileName)))
            {
                await using var stream = File.OpenRead(summaryPath);
                var summary = await JsonSerializer.DeserializeAsync<BackupSummary>(stream, StorageJson.Options, cancellationToken);
                if (summary is not null && summary.Id == id)
                {
                    return summary;
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged summary is only a listing aid: fall back to the backup itself below.
        }

        try
        {
            return BackupSummary.Of(await LoadAsync(id, cancellationToken));
        }
        catch (Exception e) when (e is BackupCorruptedException or BackupNotFoundException)
        {
            return new BackupSummary(id, "", "", "", Directory.GetCreationTimeUtc(folder), 0, 0, e.Message);
        }
    }

    private static async Task<byte[]> ReadOrThrowAsync(string backupId, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupCorruptedException(backupId, $"{path} cannot be read: {e.Message}", e);
        }
    }

    private static async Task<string> ReadChecksumAsync(string backupId, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new BackupCorruptedException(backupId, $"its checksum file {path} is missing, so its content cannot be verified.");
        }

        var text = Encoding.UTF8.GetString(await ReadOrThrowAsync(backupId, path, cancellationToken));
        var hash = text.Split([' ', '\n', '\r', '\t'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return hash is { Length: 64 }
            ? hash
            : throw new BackupCorruptedException(backupId, $"its checksum file {path} does not hold a SHA-256.");
    }

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
