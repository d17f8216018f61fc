using System.Text.Json;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>Reads a journal back, e.g. after a restart, tolerating the torn last line a crash can leave.</summary>
internal static class ExecutionJournalReader
{
    /// <exception cref="FileNotFoundException">No journal at <paramref name="path"/>.</exception>
    /// <exception cref="JournalCorruptedException">A line other than the last does not read.</exception>
    public static async Task<JournalHistory> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] content;
        // The writer may still hold the file open (a live run, or an abandoned one in this process).
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            content = new byte[stream.Length];
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        return Parse(path, content);
    }

    /// <summary>
    /// A line is complete when its newline was written: <see cref="ExecutionJournal.AppendAsync"/> writes the
    /// newline last and returns only after it is on disk, so bytes after the last newline belong to an append
    /// that never returned and are reported as torn, not as an entry.
    /// </summary>
    public static JournalHistory Parse(string path, ReadOnlySpan<byte> content)
    {
        var completeLength = content.LastIndexOf((byte)'\n') + 1;
        var entries = new List<JournalEntry>();
        var lineNumber = 0;
        var rest = content[..completeLength];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = rest[..end];
            rest = rest[(end + 1)..];
            lineNumber++;
            if (line.Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize<JournalEntry>(line, Storage.StorageJson.Compact)
                    ?? throw new JsonException("The line is null."));
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                throw new JournalCorruptedException(path, lineNumber, e);
            }
        }

        return new JournalHistory(entries, TornLastLine: completeLength < content.Length, completeLength);
    }
}
