using System.Runtime.CompilerServices;
using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Backups;

/// <summary>Reads <c>entries.jsonl</c> line by line, so a large backup never has to be one string in memory.</summary>
internal static class BackupEntries
{
    public static async IAsyncEnumerable<SubjectBackup> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<SubjectBackup>(line, StorageJson.Compact)
                    ?? throw new JsonException($"{path}: a line reads as null.");
            }
        }
    }
}
