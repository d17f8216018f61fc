using System.Collections.Concurrent;
using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Backups;

/// <summary>
/// A backup taken during a run, entry by entry (<c>entries.jsonl</c>), each read by the same request as its target's
/// drift check. Entries reach the disk together when the backup is sealed; until then the journal's applying line,
/// which carries the same entry and is on disk before the write, is what proves the state a write replaced. Only the
/// first capture of a target counts (a second change to it would capture the first one's result).
/// <see cref="CompleteAsync"/> seals it with its manifest and checksums; until then it does not load as a backup.
/// </summary>
public sealed class BackupWriter : IAsyncDisposable
{
    public const string EntriesFileName = "entries.jsonl";

    private readonly ConcurrentDictionary<(string? Registry, string Subject), byte> _captured = new();
    private readonly DurableLines _lines;
    private readonly Func<BackupManifest, CancellationToken, Task> _seal;
    private readonly BackupManifest _header;
    private readonly ConcurrentDictionary<string, byte> _registries = new(StringComparer.OrdinalIgnoreCase);
    private int _subjects;
    private int _versions;
    private bool _sealed;

    internal BackupWriter(string folder, BackupManifest header, Func<BackupManifest, CancellationToken, Task> seal)
    {
        Folder = folder;
        _header = header;
        _seal = seal;
        _lines = DurableLines.Open(Path.Combine(folder, EntriesFileName));
    }

    public string Id => _header.Id;

    /// <summary>The backup's folder, which holds the run's journal too.</summary>
    public string Folder { get; }

    /// <summary>Adds the entry; false (nothing written) when the target was captured already.</summary>
    public async Task<bool> AppendAsync(SubjectBackup entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_captured.TryAdd((entry.Registry, entry.Subject), 0))
        {
            return false;
        }

        await _lines.AppendAsync(() => JsonSerializer.SerializeToUtf8Bytes(entry, StorageJson.Compact), cancellationToken, durable: false);
        _registries.TryAdd(entry.Registry ?? _header.Registry, 0);
        Interlocked.Increment(ref _subjects);
        Interlocked.Add(ref _versions, entry.Versions.Count);
        return true;
    }

    /// <summary>The entries written so far, by registry (null: the backup's own) and subject; for undoing this run's changes.</summary>
    public async Task<IReadOnlyDictionary<(string? Registry, string Subject), SubjectBackup>> ReadEntriesAsync(CancellationToken cancellationToken)
    {
        // The lines were handed to the operating system as they were written; reading them back needs no flush to disk.
        var entries = new Dictionary<(string?, string), SubjectBackup>();
        await foreach (var entry in BackupEntries.ReadAsync(Path.Combine(Folder, EntriesFileName), cancellationToken))
        {
            entries.TryAdd((entry.Registry, entry.Subject), entry);
        }

        return entries;
    }

    /// <summary>Writes the manifest, the checksums and the listing summary: from now on the backup loads.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_sealed)
        {
            return;
        }

        await _lines.DisposeAsync();
        var registries = _registries.Keys.Where(r => !string.Equals(r, _header.Registry, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        await _seal(_header with { Registries = [_header.Registry, .. registries], SubjectCount = _subjects, VersionCount = _versions }, cancellationToken);
        _sealed = true;
    }

    public ValueTask DisposeAsync() => _lines.DisposeAsync();
}
