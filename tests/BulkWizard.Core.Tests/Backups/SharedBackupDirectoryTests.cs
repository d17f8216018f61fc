using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Backups;

/// <summary>Two servers (two data directories) with one backup directory: a backup one takes, the other lists, verifies and restores.</summary>
public sealed class SharedBackupDirectoryTests : IAsyncDisposable
{
    private static readonly string[] Subjects = ["test-a", "test-b"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulkwizard-shared-" + Guid.NewGuid().ToString("N"));

    private string Shared => Path.Combine(_root, "shared-backups");

    private DataDirectory Machine(string name) => new(Path.Combine(_root, name), Shared);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task BackupTakenByOneServer_IsListedVerifiedAndRestoredByAnother()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(Subjects);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var first = Machine("machine-a");
        var second = Machine("machine-b");
        var run = await new PlanExecutor(new FileBackupStore(first), first, TimeProvider.System, NullLogger<PlanExecutor>.Instance)
            .ExecuteAsync(await harness.CompatibilityPlanAsync(Subjects, "FULL"), harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);
        Assert.Equal(BulkTaskStatus.Completed, run.TaskStatus);

        var otherStore = new FileBackupStore(second);
        var listed = Assert.Single(await otherStore.ListAsync(CancellationToken.None));
        var backup = await otherStore.LoadAsync(run.BackupId!, CancellationToken.None);
        var plan = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));
        var restored = await new PlanExecutor(otherStore, second, TimeProvider.System, NullLogger<PlanExecutor>.Instance)
            .ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal((run.BackupId, null, 2), (listed.Id, listed.Problem, listed.SubjectCount));
        Assert.Equal(BulkTaskStatus.Completed, restored.TaskStatus);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        // Both runs' backups (and journals) are in the shared directory, none under either data directory.
        Assert.Equal(2, Directory.GetDirectories(Shared).Length);
        Assert.False(Directory.Exists(first.Root + "/backups") || Directory.Exists(second.Root + "/backups"));
    }

    [Fact]
    public async Task BackupChangedInTheSharedDirectory_IsRefusedByTheOtherServer()
    {
        var first = new FileBackupStore(Machine("machine-a"));
        var backup = new Backup(BackupId.New(TimeProvider.System), "sandbox", "plan_0000000000000001", "schema_update", DateTimeOffset.UtcNow, []);
        await first.SaveAsync(backup, CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(Shared, backup.Id, FileBackupStore.BackupFileName), " ");

        var error = await Assert.ThrowsAsync<BackupCorruptedException>(() => new FileBackupStore(Machine("machine-b")).LoadAsync(backup.Id, CancellationToken.None));

        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedDirectory_KeepsItsOwnMode_ButEachBackupIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(Shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var store = new FileBackupStore(Machine("machine-a"));
        var backup = new Backup(BackupId.New(TimeProvider.System), "sandbox", "plan_0000000000000001", "schema_update", DateTimeOffset.UtcNow, []);

        await store.SaveAsync(backup, CancellationToken.None);

        var folder = Path.Combine(Shared, backup.Id);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(Shared));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        foreach (var file in Directory.GetFiles(folder))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }
}
