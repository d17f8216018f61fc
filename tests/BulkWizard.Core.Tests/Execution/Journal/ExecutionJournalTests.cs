using System.Text;
using System.Text.Json.Nodes;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Tests.Storage.Support;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Execution.Journal;

public sealed class ExecutionJournalTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 13, 30, 0, TimeSpan.Zero);

    private readonly TempDataDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly string _folder;

    public ExecutionJournalTests()
    {
        _folder = _temp.Directory.EnsureFolder(Path.Combine(_temp.Directory.BackupsPath, "bk_20261126T133000Z_00000000"));
    }

    private string JournalPath => Path.Combine(_folder, ExecutionJournal.FileName);

    public void Dispose() => _temp.Dispose();

    private Task<ExecutionJournal> OpenAsync() => ExecutionJournal.OpenAsync(_folder, _time, default);

    [Fact]
    public async Task AppendAsync_WriterAbandonedWithoutDispose_EveryLineAlreadyReadable()
    {
        var journal = await OpenAsync();
        await journal.AppendAsync(new StartedEntry("plan_1", "prod", "task_1", 2), default);
        await journal.AppendAsync(new ApplyingEntry(0, "a"), default);
        await journal.AppendAsync(new AppliedEntry(0, "a"), default);

        // No dispose, no flush by the test: what AppendAsync returned for is in the file.
        var history = await ExecutionJournalReader.ReadAsync(JournalPath, default);

        Assert.Equal([typeof(StartedEntry), typeof(ApplyingEntry), typeof(AppliedEntry)], history.Entries.Select(e => e.GetType()));
        Assert.False(history.TornLastLine);
        GC.KeepAlive(journal);
    }

    [Fact]
    public async Task AppendAsync_Entry_StampedWithSequenceAndTime()
    {
        await using var journal = await OpenAsync();

        var first = await journal.AppendAsync(new StartedEntry("plan_1", "prod", "task_1", 1), default);
        _time.Advance(TimeSpan.FromSeconds(5));
        var second = await journal.AppendAsync(new CompletedEntry("completed"), default);

        Assert.Equal((0L, Now), (first.Sequence, first.At));
        Assert.Equal((1L, Now.AddSeconds(5)), (second.Sequence, second.At));
    }

    [Fact]
    public async Task AppendAsync_ManyParallelItems_EveryLinePresentAndWhole()
    {
        await using (var journal = await OpenAsync())
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            {
                await journal.AppendAsync(new ApplyingEntry(i, $"s{i}"), token);
                await journal.AppendAsync(new AppliedEntry(i, $"s{i}"), token);
            });
        }

        var history = await ExecutionJournalReader.ReadAsync(JournalPath, default);

        Assert.Equal(200, history.Entries.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), history.Entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 100), history.AppliedNotUndone().Select(e => e.Index));
        Assert.Equal(200, (await File.ReadAllLinesAsync(JournalPath)).Length);
    }

    [Fact]
    public async Task ReadAsync_TornLastLine_IgnoredAndReported()
    {
        await using (var journal = await OpenAsync())
        {
            await journal.AppendAsync(new StartedEntry("plan_1", "prod", "task_1", 1), default);
            await journal.AppendAsync(new ApplyingEntry(0, "a"), default);
        }

        await File.AppendAllTextAsync(JournalPath, """{"kind":"applied","sequence":2,"at":"2026-11-26T13:3""");

        var history = await ExecutionJournalReader.ReadAsync(JournalPath, default);

        Assert.True(history.TornLastLine);
        Assert.Equal(2, history.Entries.Count);
        Assert.Equal([0], history.InDoubt().Select(e => e.Index));
    }

    [Fact]
    public async Task ReadAsync_LastLineCompleteButWithoutNewline_TreatedAsTorn()
    {
        await File.WriteAllTextAsync(JournalPath, """{"kind":"interrupted","sequence":0,"at":"2026-11-26T13:30:00+00:00","reason":"x"}""");

        var history = await ExecutionJournalReader.ReadAsync(JournalPath, default);

        Assert.True(history.TornLastLine);
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task ReadAsync_DamagedLineBeforeTheLast_ThrowsNamingTheLine()
    {
        await File.WriteAllTextAsync(JournalPath,
            "{\"kind\":\"interrupted\",\"sequence\":0,\"at\":\"2026-11-26T13:30:00+00:00\",\"reason\":\"x\"}\n{\"kind\":\"appl\n{\"kind\":\"completed\",\"sequence\":2,\"at\":\"2026-11-26T13:30:00+00:00\",\"status\":\"failed\"}\n");

        var error = await Assert.ThrowsAsync<JournalCorruptedException>(() => ExecutionJournalReader.ReadAsync(JournalPath, default));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains(JournalPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ExistingJournalWithTornLine_CutsItAndContinuesTheSequence()
    {
        await using (var journal = await OpenAsync())
        {
            await journal.AppendAsync(new StartedEntry("plan_1", "prod", "task_1", 1), default);
            await journal.AppendAsync(new AppliedEntry(0, "a"), default);
        }

        await File.AppendAllTextAsync(JournalPath, "{\"kind\":\"und");

        await using (var reopened = await OpenAsync())
        {
            var next = await reopened.AppendAsync(new UndoneEntry(0, "a"), default);
            Assert.Equal(2, next.Sequence);
        }

        var history = await ExecutionJournalReader.ReadAsync(JournalPath, default);
        Assert.False(history.TornLastLine);
        Assert.Equal([typeof(StartedEntry), typeof(AppliedEntry), typeof(UndoneEntry)], history.Entries.Select(e => e.GetType()));
        Assert.Empty(history.AppliedNotUndone());
    }

    [Fact]
    public async Task AppendAsync_EveryKind_ReadsBackWithItsNameAndFields()
    {
        var before = new JsonObject { ["compatibilityLevel"] = "BACKWARD" };
        var after = new JsonObject { ["compatibility"] = "FULL" };
        JournalEntry[] entries =
        [
            new StartedEntry("plan_1", "prod", "task_1", 3),
            new ApplyingEntry(0, ":.ctx:a", new Core.Backups.SubjectBackup(":.ctx:a", [], before, null) { Captured = Core.Backups.ScopeParts.Config, Registry = "target" }),
            new AppliedEntry(0, ":.ctx:a"),
            new VersionCreatedEntry(0, ":.ctx:a", 3, 17, "target"),
            new VersionDeletedEntry(0, ":.ctx:a", 3, Permanent: true),
            new FailedEntry(1, "b", "42205 read-only"),
            new ConflictEntry(2, "c", before, after),
            new UndoingEntry(0, ":.ctx:a"),
            new UndoneEntry(0, ":.ctx:a"),
            new UndoConflictEntry(0, ":.ctx:a", after, before),
            new UndoFailedEntry(0, ":.ctx:a", "timeout"),
            new RestoreStepEntry(null, "d", "register version 2 id 17", new JsonObject { ["version"] = 2 }),
            new InterruptedEntry("host shutdown"),
            new CompletedEntry("rolled_back"),
        ];
        await using (var journal = await OpenAsync())
        {
            foreach (var entry in entries)
            {
                await journal.AppendAsync(entry, default);
            }
        }

        var kinds = (await File.ReadAllLinesAsync(JournalPath)).Select(l => JsonNode.Parse(l)!["kind"]!.GetValue<string>());
        var history = await ExecutionJournalReader.ReadAsync(JournalPath, default);

        Assert.Equal(
            ["started", "applying", "applied", "version_created", "version_deleted", "failed", "conflict", "undoing", "undone", "undo_conflict", "undo_failed", "restore_step", "interrupted", "completed"],
            kinds);
        Assert.Equal(entries.Select(e => e.GetType()), history.Entries.Select(e => e.GetType()));
        var applying = (ApplyingEntry)history.Entries[1];
        Assert.Equal((":.ctx:a", Core.Backups.ScopeParts.Config, "target"), (applying.Backup!.Subject, applying.Backup.Captured, applying.Backup.Registry));
        Assert.True(JsonNode.DeepEquals(before, applying.Backup.Config));
        var applied = (AppliedEntry)history.Entries[2];
        Assert.Equal((0, ":.ctx:a"), (applied.Index, applied.Subject));
        Assert.Equal(new VersionCreatedEntry(0, ":.ctx:a", 3, 17, "target"), history.Entries[3] with { Sequence = 0, At = default });
        Assert.Equal(new VersionDeletedEntry(0, ":.ctx:a", 3, Permanent: true), history.Entries[4] with { Sequence = 0, At = default });
        Assert.Equal("42205 read-only", ((FailedEntry)history.Entries[5]).Error);
        Assert.Equal("register version 2 id 17", ((RestoreStepEntry)history.Entries[11]).Step);
        Assert.Equal("rolled_back", history.Completed!.Status);
        Assert.Equal(("plan_1", "prod", "task_1", 3), (history.Started!.PlanId, history.Started.Registry, history.Started.TaskId, history.Started.TotalItems));
    }

    [Fact]
    public void History_MixedOutcomes_TellsAppliedNotUndoneAndInDoubt()
    {
        var history = new JournalHistory(
        [
            new StartedEntry("plan_1", "prod", "task_1", 6),
            new ApplyingEntry(0, "a"), new AppliedEntry(0, "a"),
            new ApplyingEntry(1, "b"), new AppliedEntry(1, "b"),
            new ApplyingEntry(2, "c"), new FailedEntry(2, "c", "boom"),
            new ApplyingEntry(3, "d"), new ConflictEntry(3, "d", null, null),
            new ApplyingEntry(4, "e"),
            new ApplyingEntry(5, "f"), new AppliedEntry(5, "f"),
            new UndoingEntry(1, "b"), new UndoneEntry(1, "b"),
            new UndoingEntry(0, "a"), new UndoConflictEntry(0, "a", null, null),
            new UndoingEntry(5, "f"),
            new InterruptedEntry("host shutdown"),
        ], TornLastLine: false, CompleteLength: 0);

        Assert.Equal([0, 5], history.AppliedNotUndone().Select(e => e.Index));
        Assert.Equal([4], history.InDoubt().Select(e => e.Index));
        Assert.Equal([5], history.UndoInDoubt().Select(e => e.Index));
        Assert.True(history.WasInterrupted);
    }

    [UnixFact]
    public async Task OpenAsync_OnUnix_JournalReadableOnlyByTheUser()
    {
        await using var journal = await OpenAsync();
        await journal.AppendAsync(new InterruptedEntry("x"), default);

        Assert.Equal(FileModes.Mode0600, FileModes.Of(JournalPath));
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_Refused()
    {
        var journal = await OpenAsync();
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync(new InterruptedEntry("x"), default));
    }

    [Fact]
    public async Task AppendAsync_Line_EndsWithNewlineAndIsOneLine()
    {
        await using (var journal = await OpenAsync())
        {
            await journal.AppendAsync(new FailedEntry(0, "a", "line one\nline two"), default);
        }

        var bytes = await File.ReadAllBytesAsync(JournalPath);

        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal(1, Encoding.UTF8.GetString(bytes).Count(c => c == '\n'));
    }
}
