using System.Diagnostics;
using System.Text.Json;
using BulkWizard.Core.Execution.Locking;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Storage.Support;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Execution.Locking;

public sealed class RegistryLockTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public void Dispose() => _temp.Dispose();

    private const string Url = "http://registry.example:8081";

    private RegistryLock Acquire(string registry = "prod", string url = Url) =>
        RegistryLock.Acquire(_temp.Directory, new RegistryOptions { Name = registry, Url = url }, _time);

    private string LockPath(string url = Url) =>
        Path.Combine(_temp.Directory.LocksPath, RegistryLock.FileNameOf(RegistryAddress.Normalize(new RegistryOptions { Url = url })));

    private static DateTimeOffset OwnStartTime()
    {
        using var self = Process.GetCurrentProcess();
        return new DateTimeOffset(self.StartTime.ToUniversalTime());
    }

    private void WriteLock(LockHolder holder)
    {
        _temp.Directory.EnsureLocksFolder();
        File.WriteAllBytes(LockPath(), JsonSerializer.SerializeToUtf8Bytes(holder, StorageJson.Options));
    }

    private static LockHolder Holder(int pid, DateTimeOffset started, string? host = null) =>
        new(pid, started, host ?? Environment.MachineName, new DateTimeOffset(2026, 11, 26, 13, 30, 0, TimeSpan.Zero), "someone-else");

    [Fact]
    public void Acquire_FreeRegistry_LockFileNamesThisProcess()
    {
        using var held = Acquire();

        var holder = JsonSerializer.Deserialize<LockHolder>(File.ReadAllBytes(LockPath()), StorageJson.Options)!;

        Assert.Equal(Environment.ProcessId, holder.ProcessId);
        Assert.Equal(Environment.MachineName, holder.HostName);
        Assert.InRange((holder.ProcessStartTime - OwnStartTime()).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(_time.GetUtcNow(), holder.AcquiredAt);
        Assert.Equal(held.Holder, holder);
    }

    [Fact]
    public void Acquire_SameRegistryUnderAnotherNameAndSpelling_FailsNamingRegistryUrlPidAndSince()
    {
        using var held = Acquire();

        var error = Assert.Throws<RegistryLockedException>(() => Acquire("PROD-2", "HTTP://Registry.Example:8081/"));

        Assert.Equal("PROD-2", error.RegistryName);
        Assert.Equal(held.Holder, error.Holder);
        Assert.Contains("Registry 'PROD-2' (HTTP://Registry.Example:8081) is busy", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"since {held.Holder.AcquiredAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_TwoRegistriesNamedAlike_DoNotBlockEachOther()
    {
        using var first = Acquire("default", "http://registry-a.example:8081");
        using var second = Acquire("default", "http://registry-b.example:8081");

        Assert.NotEqual(first.Path, second.Path);
    }

    [Fact]
    public void Acquire_HeldByAnotherLiveProcess_Fails()
    {
        using var init = Process.GetProcessById(1);
        WriteLock(Holder(1, new DateTimeOffset(init.StartTime.ToUniversalTime())));

        var error = Assert.Throws<RegistryLockedException>(() => Acquire());

        Assert.Contains("process 1 on host", error.Message, StringComparison.Ordinal);
        Assert.Contains("since 2026-11-26T13:30:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_HolderOnAnotherHost_FailsSinceItsProcessCannotBeChecked()
    {
        WriteLock(Holder(int.MaxValue - 1, OwnStartTime(), host: "some-other-host"));

        var error = Assert.Throws<RegistryLockedException>(() => Acquire());

        Assert.Contains("some-other-host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_HolderProcessGone_TakenOver()
    {
        // Process ids stay far below this value on every system, so no such process runs.
        WriteLock(Holder(int.MaxValue - 1, OwnStartTime()));

        using var held = Acquire();

        Assert.Equal(Environment.ProcessId, held.Holder.ProcessId);
        Assert.Equal([Path.GetFileName(LockPath())], Directory.GetFiles(_temp.Directory.LocksPath).Select(Path.GetFileName));
    }

    [Fact]
    public void Acquire_HolderPidReusedByAProcessStartedLater_TakenOver()
    {
        // Our own id, with the start time of an earlier process that had the same id.
        WriteLock(Holder(Environment.ProcessId, OwnStartTime().AddHours(-3)));

        using var held = Acquire();

        Assert.NotEqual("someone-else", held.Holder.Token);
    }

    [Fact]
    public void Acquire_UnreadableLockJustWritten_Fails()
    {
        _temp.Directory.EnsureLocksFolder();
        File.WriteAllText(LockPath(), "");

        var error = Assert.Throws<RegistryLockedException>(() => Acquire());

        Assert.Null(error.Holder);
        Assert.Contains(LockPath(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_UnreadableLockOlderThanTheGrace_TakenOver()
    {
        _temp.Directory.EnsureLocksFolder();
        File.WriteAllText(LockPath(), "{\"process_id\":");
        File.SetLastWriteTimeUtc(LockPath(), _time.GetUtcNow().UtcDateTime - RegistryLock.UnreadableGrace - TimeSpan.FromSeconds(1));

        using var held = Acquire();

        Assert.Equal(Environment.ProcessId, held.Holder.ProcessId);
    }

    [Fact]
    public void Dispose_OwnLock_FileDeletedAndRegistryFreeAgain()
    {
        var held = Acquire();

        held.Dispose();
        held.Dispose();

        Assert.False(File.Exists(LockPath()));
        using var again = Acquire();
    }

    [Fact]
    public void Dispose_LockNoLongerOurs_FileLeftAlone()
    {
        var held = Acquire();
        var theirs = Holder(Environment.ProcessId, OwnStartTime());
        WriteLock(theirs);

        held.Dispose();

        Assert.Equal(theirs, JsonSerializer.Deserialize<LockHolder>(File.ReadAllBytes(LockPath()), StorageJson.Options));
    }

    [Fact]
    public void Acquire_DifferentRegistries_HeldIndependently()
    {
        using var prod = Acquire("prod", "https://prod.example:8081");
        using var staging = Acquire("staging", "https://staging.example:8081");

        Assert.NotEqual(prod.Path, staging.Path);
    }

    [Fact]
    public void Acquire_ManyAtOnce_ExactlyOneWins()
    {
        // Dedicated threads released together by a barrier: pool threads blocked on it would starve the pool.
        const int contenders = 8;
        using var start = new Barrier(contenders);
        var outcomes = new RegistryLock?[contenders];
        var threads = Enumerable.Range(0, contenders).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                outcomes[i] = Acquire();
            }
            catch (RegistryLockedException)
            {
                outcomes[i] = null;
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var winners = outcomes.OfType<RegistryLock>().ToList();
        Assert.Single(winners);
        winners[0].Dispose();
    }

    [UnixFact]
    public void Acquire_OnUnix_LockFileReadableOnlyByTheUser()
    {
        using var held = Acquire();

        Assert.Equal(FileModes.Mode0600, FileModes.Of(held.Path));
        Assert.Equal(FileModes.Mode0700, FileModes.Of(_temp.Directory.LocksPath));
    }

    [Theory]
    [InlineData("http://a.example:8081", "HTTP://A.EXAMPLE:8081/")]
    [InlineData("https://a.example", "https://user:secret@a.example:443")]
    [InlineData("http://a.example:8081,http://b.example:8081", "http://b.example:8081, http://a.example:8081/")]
    public void FileNameOf_SameRegistrySpelledDifferently_SameSafeName(string url, string sameRegistry)
    {
        var name = RegistryLock.FileNameOf(RegistryAddress.Normalize(new RegistryOptions { Url = url }));

        Assert.Equal(name, RegistryLock.FileNameOf(RegistryAddress.Normalize(new RegistryOptions { Url = sameRegistry })));
        Assert.Matches("^registry-[0-9a-f]{24}\\.lock$", name);
    }

    [Fact]
    public void FileNameOf_OtherPortOrPath_OtherName()
    {
        string Name(string url) => RegistryLock.FileNameOf(RegistryAddress.Normalize(new RegistryOptions { Url = url }));

        Assert.NotEqual(Name("http://a.example:8081"), Name("http://a.example:8082"));
        Assert.NotEqual(Name("http://a.example:8081/one"), Name("http://a.example:8081/two"));
    }
}
