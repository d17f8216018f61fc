using System.Text;
using System.Text.Json.Nodes;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Storage.Support;

namespace BulkWizard.Core.Tests.Storage;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task WriteAsync_NewFile_ContentWrittenAndNoTemporaryFileLeft()
    {
        using var temp = new TempDataDirectory();
        var folder = temp.Directory.EnsurePlansFolder();
        var path = Path.Combine(folder, "plan.json");

        await AtomicFile.WriteAsync(path, "hello"u8.ToArray(), default);

        Assert.Equal("hello", await File.ReadAllTextAsync(path));
        Assert.Equal(["plan.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_ReplacedWhole()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Directory.EnsurePlansFolder(), "plan.json");
        await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(new string('x', 10_000)), default);

        await AtomicFile.WriteAsync(path, "short"u8.ToArray(), default);

        Assert.Equal("short", await File.ReadAllTextAsync(path));
    }

    [UnixFact]
    public async Task WriteAsync_OnUnix_FileIs0600EvenWhenReplacingAWiderOne()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Directory.EnsurePlansFolder(), "plan.json");
        await File.WriteAllTextAsync(path, "old");
        FileModes.Set(path, FileModes.Mode0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await AtomicFile.WriteAsync(path, "new"u8.ToArray(), default);

        Assert.Equal(FileModes.Mode0600, FileModes.Of(path));
    }

    [Fact]
    public async Task WriteAsync_TargetIsAFolder_FailsAndLeavesNoTemporaryFile()
    {
        using var temp = new TempDataDirectory();
        var folder = temp.Directory.EnsurePlansFolder();
        var target = Path.Combine(folder, "taken");
        Directory.CreateDirectory(target);

        await Assert.ThrowsAnyAsync<IOException>(() => AtomicFile.WriteAsync(target, "x"u8.ToArray(), default));

        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task WriteJsonAsync_Value_StoredWithStorageJson()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Directory.EnsurePlansFolder(), "value.json");

        await AtomicFile.WriteJsonAsync(path, new JsonObject { ["keptName"] = 1 }, default);

        Assert.Equal(1, JsonNode.Parse(await File.ReadAllTextAsync(path))!["keptName"]!.GetValue<int>());
    }
}
