using BulkWizard.Core.Audit;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Backups.Retention;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Backups.Retention;

/// <summary>The retention policy over a (shared) backup directory: what it removes, what it never removes, and the audit entry.</summary>
public sealed class BackupPrunerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulkwizard-prune-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly DataDirectory _data;
    private readonly FileBackupStore _store;
    private readonly AuditLog _audit;

    public BackupPrunerTests()
    {
        _data = new DataDirectory(Path.Combine(_root, "data"), Path.Combine(_root, "shared"));
        _store = new FileBackupStore(_data);
        _audit = new AuditLog(_data);
    }

    public void Dispose()
    {
        _audit.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private BackupPruner Pruner(BackupRetentionPolicy policy, TaskManager? tasks = null) =>
        new(_data, policy, _audit, _clock, NullLogger<BackupPruner>.Instance, tasks);

    /// <summary>A sealed backup made <paramref name="daysAgo"/> days ago.</summary>
    private async Task<string> SealedAsync(double daysAgo, bool archive = false)
    {
        var id = BackupId.New(new FakeTimeProvider(Now - TimeSpan.FromDays(daysAgo)), archive);
        await _store.SaveAsync(new Backup(id, "sandbox", "plan_0000000000000001", "schema_update", Now - TimeSpan.FromDays(daysAgo), []), CancellationToken.None);
        return id;
    }

    private IReadOnlyList<string> Remaining() =>
        [.. Directory.GetDirectories(_data.BackupsPath).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public async Task MaxCount_RemovesAllButTheNewest_LogsThemInTheAuditLog()
    {
        var oldest = await SealedAsync(4);
        var older = await SealedAsync(3);
        var newer = await SealedAsync(2);
        var newest = await SealedAsync(1);

        var report = await Pruner(new BackupRetentionPolicy(MaxCount: 2)).PruneAsync("at start-up", null, CancellationToken.None);

        Assert.Equal([older, oldest], report.Removed.Select(r => r.BackupId));
        Assert.Equal([newer, newest], Remaining());
        var entry = Assert.Single(await _audit.ReadAsync(null, 10, CancellationToken.None));
        Assert.Equal((AuditLog.BackupRetentionOperation, 2, "backup retention policy"), (entry.Operation, entry.Applied, entry.ConfirmedBy));
        Assert.Equal($"removed by the backup retention policy (at start-up): {older} (beyond the newest 2); {oldest} (beyond the newest 2)", entry.Selection);
        Assert.Equal(Now, entry.At);
    }

    [Fact]
    public async Task MaxAgeDays_RemovesOnlyOlderBackups_AndNeverAnArchive()
    {
        var old = await SealedAsync(31);
        var recent = await SealedAsync(29);
        var archive = await SealedAsync(400, archive: true);

        var report = await Pruner(new BackupRetentionPolicy(MaxAgeDays: 30)).PruneAsync("after backup x", null, CancellationToken.None);

        Assert.Equal([$"{old} (older than 30 day(s))"], report.Removed.Select(r => r.ToString()));
        Assert.Equal([recent], Remaining());
        Assert.True(Directory.Exists(Path.Combine(_data.ArchivesPath, archive)));
    }

    [Fact]
    public async Task KeepEverything_RemovesNothing_AndWritesNoAuditEntry()
    {
        await SealedAsync(900);

        var report = await Pruner(BackupRetentionPolicy.KeepEverything).PruneAsync("at start-up", null, CancellationToken.None);

        Assert.Empty(report.Removed);
        Assert.Single(Remaining());
        Assert.Empty(await _audit.ReadAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task UnsealedBackup_IsKept_ItsRunMayStillBeWritingIt()
    {
        var header = new BackupManifest(BackupId.New(new FakeTimeProvider(Now.AddDays(-90))), "sandbox", "plan_0000000000000001", "schema_update", Now.AddDays(-90), ["sandbox"], 0, 0);
        await using (await _store.BeginAsync(header, CancellationToken.None))
        {
        }

        var report = await Pruner(new BackupRetentionPolicy(MaxAgeDays: 1)).PruneAsync("at start-up", null, CancellationToken.None);

        Assert.Empty(report.Removed);
        Assert.StartsWith("it is not sealed", Assert.Single(report.KeptProtected).Reason, StringComparison.Ordinal);
        Assert.Equal([header.Id], Remaining());
    }

    [Fact]
    public async Task BackupOfAnUnfinishedOrInterruptedRun_IsKept_UntilItsJournalEnds()
    {
        var id = await SealedAsync(90);
        await using (var journal = await ExecutionJournal.OpenAsync(Path.Combine(_data.BackupsPath, id), _clock, CancellationToken.None))
        {
            await journal.AppendAsync(new StartedEntry("plan_0000000000000001", "sandbox", "task_1", 3, RunOwner.Current), CancellationToken.None);
        }

        var pruner = Pruner(new BackupRetentionPolicy(MaxAgeDays: 1));
        var kept = await pruner.PruneAsync("at start-up", null, CancellationToken.None);
        await using (var journal = await ExecutionJournal.OpenAsync(Path.Combine(_data.BackupsPath, id), _clock, CancellationToken.None))
        {
            await journal.AppendAsync(new CompletedEntry("recovered"), CancellationToken.None);
        }

        var removed = await pruner.PruneAsync("at start-up", null, CancellationToken.None);

        Assert.StartsWith("its run has not finished", Assert.Single(kept.KeptProtected).Reason, StringComparison.Ordinal);
        Assert.Equal([id], removed.Removed.Select(r => r.BackupId));
        Assert.Empty(Remaining());
    }

    [Fact]
    public async Task BackupOfAnUndoableTask_AndTheOneJustSealed_AreKept()
    {
        var undoable = await SealedAsync(90);
        var rolledBack = await SealedAsync(80);
        var justSealed = await SealedAsync(70);
        var tasks = new TaskManager(_clock, NullLogger<TaskManager>.Instance);
        var undoableTask = await FinishedTaskAsync(tasks, undoable, applied: 2);
        await FinishedTaskAsync(tasks, rolledBack, applied: 0);

        var report = await Pruner(new BackupRetentionPolicy(MaxAgeDays: 1), tasks).PruneAsync("after backup", justSealed, CancellationToken.None);

        Assert.Equal([rolledBack], report.Removed.Select(r => r.BackupId));
        Assert.Equal(
            [(justSealed, "the run that just ended wrote it"), (undoable, $"task {undoableTask} left 2 change(s) applied, and undo_task may still need its journal and backup")],
            report.KeptProtected.Select(k => (k.BackupId, k.Reason)));
    }

    [Fact]
    public async Task BackupOfARunOnAnotherHost_IsLeftToThatHostsServer()
    {
        var foreign = await SealedAsync(90);
        var own = await SealedAsync(80);
        await JournalAsync(foreign, RunOwner.Current with { HostName = "build-agent-7" });
        await JournalAsync(own, RunOwner.Current);

        var report = await Pruner(new BackupRetentionPolicy(MaxAgeDays: 1)).PruneAsync("at start-up", null, CancellationToken.None);

        Assert.Equal([own], report.Removed.Select(r => r.BackupId));
        Assert.Equal(
            "its run was on host 'build-agent-7', whose server alone knows whether its task may still be undone; that server's retention removes it",
            Assert.Single(report.KeptProtected).Reason);
    }

    private async Task JournalAsync(string backupId, RunOwner owner)
    {
        await using var journal = await ExecutionJournal.OpenAsync(Path.Combine(_data.BackupsPath, backupId), _clock, CancellationToken.None);
        await journal.AppendAsync(new StartedEntry("plan_0000000000000001", "sandbox", "task_1", 1, owner), CancellationToken.None);
        await journal.AppendAsync(new CompletedEntry("completed"), CancellationToken.None);
    }

    private static async Task<string> FinishedTaskAsync(TaskManager tasks, string backupId, int applied)
    {
        var task = tasks.Start("plan_0000000000000001", "sandbox", "schema_update", 2, (_, _) => Task.FromResult(new ExecutionResult
        {
            TaskStatus = applied > 0 ? BulkTaskStatus.Completed : BulkTaskStatus.RolledBack,
            DryRun = false,
            ConfirmedBy = "user",
            BackupId = backupId,
            Items = [],
            Outcomes = new Dictionary<ItemOutcome, int> { [applied > 0 ? ItemOutcome.Applied : ItemOutcome.Undone] = 2 },
            FirstErrors = [],
        }));
        await task.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return task.Id;
    }
}
