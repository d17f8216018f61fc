using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Execution.Locking;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Registry;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Execution.TwoRegistries;

/// <summary>
/// A plan whose changes write to two registries (as a migration's will): both are locked, both backed up (one section
/// each), and a restore of that backup, from the typed journal entries, removes the versions created in both.
/// </summary>
public sealed class TwoRegistryPlanTests : IAsyncLifetime
{
    private const string Source = "source";
    private const string Target = "target";
    private static readonly string Schema = SandboxHarness.AvroRecord("Order");

    private SandboxRegistry _source = null!;
    private SandboxRegistry _target = null!;
    private ServiceProvider _services = null!;
    private DataDirectory _data = null!;

    private IRegistryGatewayProvider Registries => _services.GetRequiredService<IRegistryGatewayProvider>();

    public async Task InitializeAsync()
    {
        _source = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _target = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegistryGateways([
            new RegistryOptions { Name = Source, Url = _source.BaseAddress.ToString().TrimEnd('/') },
            new RegistryOptions { Name = Target, Url = _target.BaseAddress.ToString().TrimEnd('/') },
        ]);
        _services = services.BuildServiceProvider();
        _data = new DataDirectory(Path.Combine(Path.GetTempPath(), "bulkwizard-two-" + Guid.NewGuid().ToString("N")));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _source.DisposeAsync();
        await _target.DisposeAsync();
        if (Directory.Exists(_data.Root))
        {
            Directory.Delete(_data.Root, recursive: true);
        }
    }

    /// <summary>Unsealed: the test-only change kind is not registered for plan files, and the executor checks only sealed hashes.</summary>
    private static OperationPlan PlanOverBoth() => new()
    {
        Id = "plan_00000000000000aa",
        OperationType = "test_copy",
        Title = "register in both registries",
        Registry = Source,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Answers = [],
        Config = TestPlans.RealRun(),
        Changes =
        [
            new RegisterVersionChange("orders-value", Schema),
            new RegisterVersionChange("orders-value", Schema) { Registry = Target },
        ],
        Estimate = PlanEstimate.For(2, new BulkOperationConfig(), 1),
    };

    private Task<ExecutionResult> RunAsync(OperationPlan plan, FileBackupStore backups) =>
        new PlanExecutor(backups, _data, TimeProvider.System, NullLogger<PlanExecutor>.Instance)
            .ExecuteAsync(plan, Registries.Get(Source), TestPlans.Request(TestPlans.RealRun()) with { Registries = Registries }, CancellationToken.None);

    [Fact]
    public async Task Run_WritesToBoth_BacksUpBothAndRestoreRemovesTheCreatedVersionsInBoth()
    {
        var backups = new FileBackupStore(_data);
        var beforeSource = await RegistrySnapshot.ReadAsync(Registries.Get(Source));
        var beforeTarget = await RegistrySnapshot.ReadAsync(Registries.Get(Target));

        var run = await RunAsync(PlanOverBoth(), backups);

        Assert.Equal(BulkTaskStatus.Completed, run.TaskStatus);
        Assert.NotNull(await Registries.Get(Target).GetVersionAsync(QualifiedSubject.Parse("orders-value"), 1, false, CancellationToken.None));
        var backup = await backups.LoadAsync(run.BackupId!, CancellationToken.None);
        Assert.Equal([(null, "orders-value"), (Target, "orders-value")], backup.Subjects.Select(s => (s.Registry, s.Subject)).Order());
        Assert.All(backup.Subjects, s => Assert.Empty(s.Versions));
        var journal = await ExecutionJournalReader.ReadAsync(run.JournalPath!, CancellationToken.None);
        Assert.Equal([null, Target], journal.Entries.OfType<VersionCreatedEntry>().Select(c => c.Registry).Order());

        var created = await RunCreations.ReadAsync(run.JournalPath!, CancellationToken.None);
        var restore = await new RestorePlanner(Registries.Get(Source), TimeProvider.System, Registries).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None, created);
        Assert.Equal([null, Target], restore.Changes.Select(c => c.Registry).Order());
        var restored = await RunAsync(restore, backups);

        Assert.Equal(BulkTaskStatus.Completed, restored.TaskStatus);
        RegistrySnapshot.AssertSame(beforeSource, await RegistrySnapshot.ReadAsync(Registries.Get(Source)));
        RegistrySnapshot.AssertSame(beforeTarget, await RegistrySnapshot.ReadAsync(Registries.Get(Target)));
        Assert.Empty(Directory.EnumerateFiles(_data.EnsureLocksFolder()));
    }

    [Fact]
    public async Task Run_SecondRegistryLockedByAnotherRun_NothingChangesInEither()
    {
        using var held = RegistryLock.Acquire(_data, Registries.Get(Target).Registry, TimeProvider.System);

        var run = await RunAsync(PlanOverBoth(), new FileBackupStore(_data));

        Assert.Equal(BulkTaskStatus.Failed, run.TaskStatus);
        Assert.Contains($"Registry '{Target}' ({_target.BaseAddress.ToString().TrimEnd('/')}) is busy", run.Error, StringComparison.Ordinal);
        Assert.Empty(await Registries.Get(Source).ListSubjectsAsync(new SubjectQuery(), CancellationToken.None));
        Assert.Empty(await Registries.Get(Target).ListSubjectsAsync(new SubjectQuery(), CancellationToken.None));
    }

    [Fact]
    public void Refusal_PlanNamingAnUnconfiguredRegistry_Refused()
    {
        var plan = PlanOverBoth() with { Changes = [new RegisterVersionChange("a", Schema) { Registry = "elsewhere" }] };

        var refusal = PlanExecutor.Refusal(plan, Registries.Get(Source), TestPlans.Request(TestPlans.RealRun()) with { Registries = Registries });

        Assert.Equal($"Plan {plan.Id} also writes to registry 'elsewhere', which is not configured here.", refusal);
    }
}
