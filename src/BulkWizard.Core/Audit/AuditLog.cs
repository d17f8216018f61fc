using System.Text.Json;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Audit;

/// <summary>
/// The append-only audit log of executed operations (<c>audit.jsonl</c> in the data directory, one JSON line each, on
/// disk before the run is reported finished). Dry runs change nothing and are not logged.
/// </summary>
public sealed class AuditLog(DataDirectory dataDirectory) : IDisposable
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    /// <summary>One append at a time: runs on different registries finish in parallel.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    private string FilePath => Path.Combine(dataDirectory.Root, "audit.jsonl");

    public async Task AppendAsync(OperationPlan plan, ExecutionResult result, string taskId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        var entry = new AuditEntry(
            at, plan.Registry, plan.OperationType, plan.Title, plan.Id, plan.Hash, result.ConfirmedBy, taskId,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(result.TaskStatus.ToString()),
            result.Applied, result.Undone, result.Failed, result.Conflicts, result.Outcomes.GetValueOrDefault(ItemOutcome.NotRun), result.BackupId);
        await AppendEntryAsync(entry, cancellationToken);
    }

    /// <summary>
    /// Backups the retention policy removed, as one entry of operation <see cref="BackupRetentionOperation"/>: the
    /// selection lists them with their reasons, <c>applied</c> counts them. No registry is involved.
    /// </summary>
    public async Task AppendBackupsRemovedAsync(IReadOnlyList<string> removed, string trigger, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var entry = new AuditEntry(
            at, "", BackupRetentionOperation, $"removed by the backup retention policy ({trigger}): {string.Join("; ", removed)}", "", "",
            "backup retention policy", "", "completed", removed.Count, 0, 0, 0, 0, null);
        await AppendEntryAsync(entry, cancellationToken);
    }

    /// <summary>The operation name of the entries <see cref="AppendBackupsRemovedAsync"/> writes.</summary>
    public const string BackupRetentionOperation = "backup_retention";

    private async Task AppendEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            dataDirectory.EnsureFolder(dataDirectory.Root);
            await using var lines = DurableLines.Open(FilePath);
            await lines.AppendAsync(() => JsonSerializer.SerializeToUtf8Bytes(entry, StorageJson.Compact), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest <paramref name="limit"/> entries at or after <paramref name="since"/>, newest first; a line that does not read is skipped.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var kept = new Queue<AuditEntry>();
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Parse(line) is { } entry && (since is null || entry.At >= since))
            {
                kept.Enqueue(entry);
                if (kept.Count > limit)
                {
                    kept.Dequeue();
                }
            }
        }

        return [.. kept.Reverse()];
    }

    public void Dispose() => _gate.Dispose();

    private static AuditEntry? Parse(string line)
    {
        try
        {
            return string.IsNullOrWhiteSpace(line) ? null : JsonSerializer.Deserialize<AuditEntry>(line, StorageJson.Compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
