using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Keeps each backup in <c>backups/{id}/</c> of the data directory: <c>entries.jsonl</c> (one captured target a line,
/// each on disk before the write it backs up), then, once the run is over, <c>backup.json</c> (the manifest), their
/// SHA-256 in <c>backup.json.sha256</c> (the <c>sha256sum</c> format, so a person can check it too) and a small
/// <c>summary.json</c> for listings. Every file has mode 0600. Backups of the first format (every subject inside
/// <c>backup.json</c>) still load.
/// </summary>
public sealed class FileBackupStore(DataDirectory dataDirectory) : IBackupStore
{
    public const string BackupFileName = "backup.json";
    public const string ChecksumFileName = "backup.json.sha256";
    public const string SummaryFileName = "summary.json";

    public Task<BackupWriter> BeginAsync(BackupManifest header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var folder = GetFolder(header.Id);
        if (File.Exists(Path.Combine(folder, BackupFileName)) || File.Exists(Path.Combine(folder, BackupWriter.EntriesFileName)))
        {
            throw new InvalidOperationException($"Backup '{header.Id}' exists already; a backup is never overwritten.");
        }

        return Task.FromResult(new BackupWriter(folder, header, (manifest, token) => SealAsync(folder, manifest, token)));
    }

    public async Task SaveAsync(Backup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backup);
        await using var writer = await BeginAsync(new BackupManifest(backup.Id, backup.Registry, backup.PlanId, backup.OperationType, backup.CreatedAt, [backup.Registry], 0, 0), cancellationToken);
        foreach (var subject in backup.Subjects)
        {
            await writer.AppendAsync(subject, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    public async Task SealInterruptedAsync(BackupManifest header, IReadOnlyList<SubjectBackup> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(entries);
        var folder = GetFolder(header.Id);
        if (File.Exists(Path.Combine(folder, BackupFileName)))
        {
            return;
        }

        // The entries file may end in a torn line or lack entries handed to the system just before the kill: it is
        // written again from the journal's, which were each on disk before their write.
        var lines = new MemoryStream();
        foreach (var entry in entries)
        {
            JsonSerializer.Serialize(lines, entry, StorageJson.Compact);
            lines.WriteByte((byte)'\n');
        }

        await AtomicFile.WriteAsync(Path.Combine(folder, BackupWriter.EntriesFileName), lines.ToArray(), cancellationToken);
        var registries = entries.Select(e => e.Registry).OfType<string>()
            .Where(r => !string.Equals(r, header.Registry, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        await SealAsync(folder, header with
        {
            Registries = [header.Registry, .. registries],
            SubjectCount = entries.Count,
            VersionCount = entries.Sum(e => e.Versions.Count),
        }, cancellationToken);
    }

    public async Task<Backup> LoadAsync(string backupId, CancellationToken cancellationToken)
    {
        var folder = FolderOf(backupId);
        var backupPath = Path.Combine(folder, BackupFileName);
        if (!File.Exists(backupPath))
        {
            throw Directory.Exists(folder)
                ? new BackupCorruptedException(backupId, $"{BackupFileName} is missing from {folder} (the run that took it did not finish, or the save did not).")
                : new BackupNotFoundException(backupId, $"no folder {folder}.");
        }

        var content = await ReadOrThrowAsync(backupId, backupPath, cancellationToken);
        var checksums = await ReadChecksumsAsync(backupId, Path.Combine(folder, ChecksumFileName), cancellationToken);
        Verify(backupId, backupPath, content, checksums.GetValueOrDefault(BackupFileName));
        var node = ParseOrThrow(backupId, backupPath, () => JsonNode.Parse(content));
        if (node?["backup_format"] is null)
        {
            return LegacyFormat(backupId, backupPath, content);
        }

        var manifest = ParseOrThrow(backupId, backupPath, () => node.Deserialize<BackupManifest>(StorageJson.Options));
        if (manifest is null || manifest.Id != backupId)
        {
            throw new BackupCorruptedException(backupId, $"{backupPath} holds backup '{manifest?.Id}', not this one.");
        }

        if (manifest.BackupFormat != BackupManifest.Format)
        {
            throw new BackupCorruptedException(backupId, $"format {manifest.BackupFormat} is not known to this version (it reads formats {Backup.CurrentFormat} and {BackupManifest.Format}).");
        }

        var entriesPath = Path.Combine(folder, BackupWriter.EntriesFileName);
        VerifyHash(backupId, entriesPath, await Sha256OfFileAsync(backupId, entriesPath, cancellationToken), checksums.GetValueOrDefault(BackupWriter.EntriesFileName));
        var subjects = new List<SubjectBackup>(manifest.SubjectCount);
        var seen = new HashSet<(string?, string)>();
        await foreach (var entry in ParseEntriesOrThrow(backupId, entriesPath, cancellationToken))
        {
            if (seen.Add((entry.Registry, entry.Subject)))
            {
                subjects.Add(entry);
            }
        }

        return new Backup(manifest.Id, manifest.Registry, manifest.PlanId, manifest.OperationType, manifest.CreatedAt, subjects)
        {
            Format = BackupManifest.Format,
            RunConfig = manifest.RunConfig,
        };
    }

    public async Task<IReadOnlyList<BackupSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<BackupSummary>();
        foreach (var folder in new[] { dataDirectory.BackupsPath, dataDirectory.ArchivesPath }.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories))
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
        dataDirectory.EnsureFolder(BackupId.IsValid(backupId) && BackupId.IsArchive(backupId) ? dataDirectory.ArchivesPath : dataDirectory.BackupsPath);
        return dataDirectory.EnsureFolder(FolderOf(backupId));
    }

    private string FolderOf(string backupId) =>
        BackupId.IsValid(backupId)
            ? Path.Combine(BackupId.IsArchive(backupId) ? dataDirectory.ArchivesPath : dataDirectory.BackupsPath, backupId)
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

    /// <summary>The <c>sha256sum</c> lines: file name → hash.</summary>
    private static async Task<Dictionary<string, string>> ReadChecksumsAsync(string backupId, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new BackupCorruptedException(backupId, $"its checksum file {path} is missing, so its content cannot be verified.");
        }

        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(await ReadOrThrowAsync(backupId, path, cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Trim().Split("  ", 2);
            if (parts is [{ Length: 64 } hash, var file])
            {
                sums[file.Trim()] = hash;
            }
            else
            {
                throw new BackupCorruptedException(backupId, $"its checksum file {path} does not hold SHA-256 lines.");
            }
        }

        return sums;
    }

    private static void Verify(string backupId, string path, byte[] content, string? expected) =>
        VerifyHash(backupId, path, Sha256Of(content), expected);

    private static void VerifyHash(string backupId, string path, string actual, string? expected)
    {
        if (expected is null)
        {
            throw new BackupCorruptedException(backupId, $"its checksum file has no line for {Path.GetFileName(path)}, so it cannot be verified.");
        }

        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupCorruptedException(backupId, $"checksum mismatch in {path} (stored {expected}, content {actual}); the file was changed after it was written.");
        }
    }

    /// <summary>Format 1: every subject inside <c>backup.json</c>.</summary>
    private static Backup LegacyFormat(string backupId, string backupPath, byte[] content)
    {
        var backup = ParseOrThrow(backupId, backupPath, () => JsonSerializer.Deserialize<Backup>(content, StorageJson.Options));
        if (backup is null || backup.Id != backupId)
        {
            throw new BackupCorruptedException(backupId, $"{backupPath} holds backup '{backup?.Id}', not this one.");
        }

        return backup.Format == Backup.CurrentFormat
            ? backup
            : throw new BackupCorruptedException(backupId, $"format {backup.Format} is not known to this version (it reads formats {Backup.CurrentFormat} and {BackupManifest.Format}).");
    }

    private static T ParseOrThrow<T>(string backupId, string path, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw new BackupCorruptedException(backupId, $"{path} does not read as a backup: {e.Message}", e);
        }
    }

    private static async IAsyncEnumerable<SubjectBackup> ParseEntriesOrThrow(string backupId, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = BackupEntries.ReadAsync(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                SubjectBackup entry;
                try
                {
                    if (!await entries.MoveNextAsync())
                    {
                        yield break;
                    }

                    entry = entries.Current;
                }
                catch (JsonException e)
                {
                    throw new BackupCorruptedException(backupId, $"{path} does not read as backup entries: {e.Message}", e);
                }

                yield return entry;
            }
        }
        finally
        {
            await entries.DisposeAsync();
        }
    }

    /// <summary>The manifest, then the checksums of both files, then the summary: a crash before the checksums leaves a backup that loads as damaged.</summary>
    private static async Task SealAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var entriesPath = Path.Combine(folder, BackupWriter.EntriesFileName);
        if (!File.Exists(entriesPath))
        {
            await AtomicFile.WriteAsync(entriesPath, Array.Empty<byte>(), cancellationToken);
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(manifest, StorageJson.Options);
        await AtomicFile.WriteAsync(Path.Combine(folder, BackupFileName), content, cancellationToken);
        var sums = $"{Sha256Of(content)}  {BackupFileName}\n{await Sha256OfFileAsync(manifest.Id, entriesPath, cancellationToken)}  {BackupWriter.EntriesFileName}\n";
        await AtomicFile.WriteAsync(Path.Combine(folder, ChecksumFileName), Encoding.UTF8.GetBytes(sums), cancellationToken);
        await AtomicFile.WriteJsonAsync(Path.Combine(folder, SummaryFileName),
            new BackupSummary(manifest.Id, manifest.Registry, manifest.PlanId, manifest.OperationType, manifest.CreatedAt, manifest.SubjectCount, manifest.VersionCount), cancellationToken);
    }

    private static async Task<string> Sha256OfFileAsync(string backupId, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupCorruptedException(backupId, $"{path} cannot be read: {e.Message}", e);
        }
    }

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
