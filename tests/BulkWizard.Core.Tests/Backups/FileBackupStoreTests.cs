using System.Text.Json;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Backups.Support;
using BulkWizard.Core.Tests.Storage.Support;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Backups;

public sealed class FileBackupStoreTests : IDisposable
{
    private static readonly DateTimeOffset Then = new(2026, 11, 26, 13, 30, 0, TimeSpan.Zero);

    private readonly TempDataDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Then);

    private FileBackupStore Store => new(_temp.Directory);

    public void Dispose() => _temp.Dispose();

    private Backup NewBackup(params SubjectBackup[] subjects) => Some.Backup(BackupId.New(_time), _time.GetUtcNow(), subjects);

    [Fact]
    public async Task SaveThenLoad_EveryField_ComesBackIdentical()
    {
        var saved = NewBackup(
            Some.Subject(":.ctx:orders-value", versions: 3),
            Some.Subject("config-only", versions: 0, withConfig: true, mode: null),
            Some.Subject("plain", versions: 1, withConfig: false, mode: "IMPORT"));
        await Store.SaveAsync(saved, default);

        var loaded = await Store.LoadAsync(saved.Id, default);

        // Compared in stored form: JsonObject members (metadata, rule set, config) must keep key order, spelling and number text.
        Assert.Equal(JsonSerializer.Serialize(saved with { Format = BackupManifest.Format }, StorageJson.Options), JsonSerializer.Serialize(loaded, StorageJson.Options));
        Assert.Equal(saved.Subjects.SelectMany(s => s.Versions), loaded.Subjects.SelectMany(s => s.Versions), new SchemaVersionFieldsComparer());
        Assert.Equal("""{"zField":["PII"],"aField":[]}""", loaded.Subjects[0].Versions[2].Metadata!["tags"]!.ToJsonString());
        Assert.Contains("\"ratio\":1.50", loaded.Subjects[0].Config!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((true, false), (loaded.Subjects[0].Versions[0].Deleted!.Value, loaded.Subjects[0].Versions[1].Deleted!.Value));
        Assert.Equal((null, "IMPORT"), (loaded.Subjects[1].Mode, loaded.Subjects[2].Mode));
        Assert.Null(loaded.Subjects[2].Config);
        Assert.Empty(loaded.Subjects[1].Versions);
    }

    [Fact]
    public async Task LoadAsync_BackupChangedAfterSave_ThrowsCorruptedNamingTheBackup()
    {
        var saved = NewBackup(Some.Subject("a", 2));
        await Store.SaveAsync(saved, default);
        var path = Path.Combine(Store.GetFolder(saved.Id), BackupWriter.EntriesFileName);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("FULL_TRANSITIVE", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace("FULL_TRANSITIVE", "NONE", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<BackupCorruptedException>(() => Store.LoadAsync(saved.Id, default));

        Assert.Equal(saved.Id, error.BackupId);
        Assert.Contains(saved.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ChecksumFileMissing_ThrowsCorrupted()
    {
        var saved = NewBackup(Some.Subject("a", 1));
        await Store.SaveAsync(saved, default);
        File.Delete(Path.Combine(Store.GetFolder(saved.Id), FileBackupStore.ChecksumFileName));

        var error = await Assert.ThrowsAsync<BackupCorruptedException>(() => Store.LoadAsync(saved.Id, default));

        Assert.Contains("checksum file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownId_ThrowsNotFound()
    {
        var id = BackupId.New(_time);

        var error = await Assert.ThrowsAsync<BackupNotFoundException>(() => Store.LoadAsync(id, default));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("bk_20261126T133000Z_1f3a9c0e/../x")]
    [InlineData("")]
    public async Task LoadAsync_NotABackupId_ThrowsNotFoundWithoutTouchingTheDisk(string id)
    {
        var error = await Assert.ThrowsAsync<BackupNotFoundException>(() => Store.LoadAsync(id, default));

        Assert.Contains("not a backup id", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Root));
    }

    [Fact]
    public async Task LoadAsync_SaveNeverFinished_ThrowsCorrupted()
    {
        var id = BackupId.New(_time);
        Store.GetFolder(id);

        var error = await Assert.ThrowsAsync<BackupCorruptedException>(() => Store.LoadAsync(id, default));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_SameIdTwice_SecondRefusedFirstKept()
    {
        var saved = NewBackup(Some.Subject("a", 1));
        await Store.SaveAsync(saved, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveAsync(saved with { Subjects = [] }, default));

        Assert.Single((await Store.LoadAsync(saved.Id, default)).Subjects);
    }

    [UnixFact]
    public async Task SaveAsync_OnUnix_FilesReadableOnlyByTheUser()
    {
        var saved = NewBackup(Some.Subject("a", 1));
        await Store.SaveAsync(saved, default);
        var folder = Store.GetFolder(saved.Id);

        foreach (var file in Directory.GetFiles(folder))
        {
            Assert.Equal(FileModes.Mode0600, FileModes.Of(file));
        }

        foreach (var dir in new[] { _temp.Root, _temp.Directory.BackupsPath, folder })
        {
            Assert.Equal(FileModes.Mode0700, FileModes.Of(dir));
        }
    }

    [Fact]
    public async Task SaveAsync_Done_OnlyTheBackupFilesRemain()
    {
        var saved = NewBackup(Some.Subject("a", 1));

        await Store.SaveAsync(saved, default);

        Assert.Equal(
            [FileBackupStore.BackupFileName, FileBackupStore.ChecksumFileName, BackupWriter.EntriesFileName, FileBackupStore.SummaryFileName],
            Directory.GetFiles(Store.GetFolder(saved.Id)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_ChecksumFile_InSha256sumFormat()
    {
        var saved = NewBackup(Some.Subject("a", 1));
        await Store.SaveAsync(saved, default);
        var folder = Store.GetFolder(saved.Id);

        var lines = await File.ReadAllTextAsync(Path.Combine(folder, FileBackupStore.ChecksumFileName));
        string HashOf(string file) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));

        Assert.Equal($"{HashOf("backup.json")}  backup.json\n{HashOf("entries.jsonl")}  entries.jsonl\n", lines);
    }

    [Fact]
    public async Task ListAsync_SeveralBackups_NewestFirstWithCounts()
    {
        var oldest = NewBackup(Some.Subject("a", 1));
        _time.Advance(TimeSpan.FromMinutes(30));
        var middle = NewBackup();
        _time.Advance(TimeSpan.FromMinutes(30));
        var newest = NewBackup(Some.Subject("a", 2), Some.Subject("b", 3));
        // Saved in another order than created: the listing sorts by creation.
        foreach (var backup in new[] { middle, newest, oldest })
        {
            await Store.SaveAsync(backup, default);
        }

        var listed = await Store.ListAsync(default);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], listed.Select(s => s.Id));
        Assert.Equal(new BackupSummary(newest.Id, "sandbox", "plan_1", "schema_update", newest.CreatedAt, 2, 5), listed[0]);
        Assert.All(listed, s => Assert.Null(s.Problem));
    }

    [Fact]
    public async Task ListAsync_NothingSaved_Empty()
    {
        Assert.Empty(await Store.ListAsync(default));
    }

    [Fact]
    public async Task ListAsync_BackupWhoseSaveNeverFinished_ListedWithItsProblem()
    {
        var good = NewBackup(Some.Subject("a", 1));
        await Store.SaveAsync(good, default);
        var unfinished = BackupId.New(_time);
        Store.GetFolder(unfinished);

        var listed = await Store.ListAsync(default);

        Assert.Equal(2, listed.Count);
        Assert.Contains("missing", listed.Single(s => s.Id == unfinished).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SummaryLost_RebuiltFromTheBackup()
    {
        var saved = NewBackup(Some.Subject("a", 2));
        await Store.SaveAsync(saved, default);
        File.Delete(Path.Combine(Store.GetFolder(saved.Id), FileBackupStore.SummaryFileName));

        var listed = await Store.ListAsync(default);

        Assert.Equal(BackupSummary.Of(saved), Assert.Single(listed));
    }

    [Fact]
    public void BackupId_New_SortsByCreationTimeAndIsUnique()
    {
        var first = BackupId.New(_time);
        var sameSecond = BackupId.New(_time);
        _time.Advance(TimeSpan.FromSeconds(1));
        var later = BackupId.New(_time);

        Assert.NotEqual(first, sameSecond);
        Assert.True(string.CompareOrdinal(first, later) < 0 && string.CompareOrdinal(sameSecond, later) < 0);
        Assert.Matches("^bk_20261126T133000Z_[0-9a-f]{8}$", first);
    }
}
