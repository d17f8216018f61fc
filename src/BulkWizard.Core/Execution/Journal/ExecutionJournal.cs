using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// The append-only record of one execution, in <c>journal.jsonl</c> beside its backup: one JSON line per event, so
/// that after a crash or a restart the applied changes are known and can be undone. A line that announces a write
/// (<see cref="IsWriteAhead"/>: the start, applying with its backup entry, undoing, each step, each version) is on
/// disk before <see cref="AppendAsync"/> returns, and with it every line before it; an outcome line (applied,
/// conflict, failed, undone) goes to disk with the next such line or when the journal closes. An item whose
/// applying line has no outcome after it is in doubt and is read again before anything is done to it. Appends
/// from parallel items are serialized and share flushes (<see cref="DurableLines"/>).
/// </summary>
public sealed class ExecutionJournal : IAsyncDisposable, IDisposable
{
    public const string FileName = "journal.jsonl";

    private readonly DurableLines _lines;
    private readonly TimeProvider _timeProvider;
    private long _nextSequence;

    private ExecutionJournal(DurableLines lines, TimeProvider timeProvider, long nextSequence)
    {
        _lines = lines;
        _timeProvider = timeProvider;
        _nextSequence = nextSequence;
    }

    public string Path => _lines.Path;

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
        var lines = DurableLines.Open(path, history.TornLastLine ? history.CompleteLength : null);
        var next = history.Entries.Count == 0 ? 0 : history.Entries[^1].Sequence + 1;
        return new ExecutionJournal(lines, timeProvider, next);
    }

    /// <summary>Stamps the entry with its sequence number and time, writes it as one line and returns once it is on disk.</summary>
    /// <returns>The entry as written.</returns>
    /// <remarks>Only the wait for earlier appends can be cancelled: a line once started is always finished.</remarks>
    internal async Task<JournalEntry> AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        JournalEntry? stamped = null;
        await _lines.AppendAsync(() =>
        {
            // Under the write lock: sequence numbers follow the order of the lines.
            stamped = entry with { Sequence = _nextSequence++, At = _timeProvider.GetUtcNow() };
            return JsonSerializer.SerializeToUtf8Bytes(stamped, StorageJson.Compact);
        }, cancellationToken, durable: IsWriteAhead(entry));
        return stamped!;
    }

    /// <summary>Lines that must be on disk before the registry is written to, or that close the journal.</summary>
    internal static bool IsWriteAhead(JournalEntry entry) =>
        entry is not (AppliedEntry or ConflictEntry or FailedEntry or UndoneEntry or UndoConflictEntry or UndoFailedEntry);

    public ValueTask DisposeAsync() => _lines.DisposeAsync();

    public void Dispose() => _lines.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
