using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// The append-only record of one execution, in <c>journal.jsonl</c> beside its backup: one JSON line per
/// event, each on disk before <see cref="AppendAsync"/> returns, so that after a crash or a restart the
/// applied changes are known and can be undone. Appends from parallel items are serialized.
/// </summary>
public sealed class ExecutionJournal : IAsyncDisposable, IDisposable
{
    public const string FileName = "journal.jsonl";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly FileStream _stream;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _nextSequence;
    private bool _disposed;
    private Exception? _broken;

    private ExecutionJournal(string path, FileStream stream, TimeProvider timeProvider, long nextSequence)
    {
        Path = path;
        _stream = stream;
        _timeProvider = timeProvider;
        _nextSequence = nextSequence;
    }

    public string Path { get; }

    /// <summary>
    /// Opens the journal in <paramref name="folder"/> (a backup's folder) for appending, creating it with
    /// mode 0600. An existing journal keeps its lines; a torn last line, left by a crash in the middle of
    /// an append that therefore never returned, is cut off so that the next line starts clean.
    /// </summary>
    /// <exception cref="JournalCorruptedException">A line other than the last does not read.</exception>
    public static async Task<ExecutionJournal> OpenAsync(string folder, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        var history = File.Exists(path) ? await ExecutionJournalReader.ReadAsync(path, cancellationToken) : JournalHistory.Empty;
        var stream = new FileStream(path, FilePermissions.NewUserOnlyFile(FileMode.OpenOrCreate, FileAccess.ReadWrite));
        try
        {
            if (history.TornLastLine)
            {
                stream.SetLength(history.CompleteLength);
                stream.Flush(flushToDisk: true);
            }

            stream.Seek(0, SeekOrigin.End);
            var next = history.Entries.Count == 0 ? 0 : history.Entries[^1].Sequence + 1;
            return new ExecutionJournal(path, stream, timeProvider, next);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stamps the entry with its sequence number and time, writes it as one line and flushes it to disk.</summary>
    /// <returns>The entry as written.</returns>
    /// <remarks>
    /// Only the wait for the previous append can be cancelled: a line once started is always finished,
    /// since half a line is worse than a late one.
    /// </remarks>
    public async Task<JournalEntry> AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_broken is not null)
            {
                throw new IOException($"Journal {Path} can take no more lines: a failed append could not be taken back.", _broken);
            }

            var stamped = entry with { Sequence = _nextSequence, At = _timeProvider.GetUtcNow() };
            var line = JsonSerializer.SerializeToUtf8Bytes(stamped, StorageJson.Compact);
            var start = _stream.Position;
            try
            {
                await _stream.WriteAsync(line, CancellationToken.None);
                await _stream.WriteAsync(NewLine, CancellationToken.None);
                await _stream.FlushAsync(CancellationToken.None);
                _stream.Flush(flushToDisk: true);
            }
            catch (Exception e)
            {
                TakeBack(start, e);
                throw;
            }

            _nextSequence++;
            return stamped;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Cuts off a partial line so the journal stays readable; if even that fails, no later line may follow it.</summary>
    private void TakeBack(long start, Exception failure)
    {
        try
        {
            _stream.SetLength(start);
            _stream.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _broken = failure;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                await _stream.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _stream.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
