using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Registry;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Migration;

/// <summary>Two Sandbox registries ("source" and "target") over HTTP, the production gateways to both, and a data directory.</summary>
internal sealed class MigrationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MigrationHarness(SandboxRegistry source, SandboxRegistry target, ServiceProvider services, string root)
    {
        SourceSandbox = source;
        TargetSandbox = target;
        _services = services;
        Registries = services.GetRequiredService<IRegistryGatewayProvider>();
        Data = new DataDirectory(root);
        Backups = new FileBackupStore(Data);
    }

    public SandboxRegistry SourceSandbox { get; }

    public SandboxRegistry TargetSandbox { get; }

    public IRegistryGatewayProvider Registries { get; }

    public IRegistryGateway Source => Registries.Get("source");

    public IRegistryGateway Target => Registries.Get("target");

    public DataDirectory Data { get; }

    public FileBackupStore Backups { get; }

    public static async Task<MigrationHarness> StartAsync()
    {
        var source = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        var target = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegistryGateways(
        [
            new RegistryOptions { Name = "source", Url = source.BaseAddress.ToString().TrimEnd('/') },
            new RegistryOptions { Name = "target", Url = target.BaseAddress.ToString().TrimEnd('/') },
        ]);
        return new MigrationHarness(source, target, services.BuildServiceProvider(), Path.Combine(Path.GetTempPath(), "bulkwizard-migration-" + Guid.NewGuid().ToString("N")));
    }

    public async Task<OperationPlan> PlanAsync(
        IEnumerable<string> subjects, string? targetRegistry, string targetContext, string sourceAfter = MigrationKeys.Keep, string prefix = "", bool preserveIds = true,
        bool allVersions = true, bool includeDeleted = false)
    {
        var selected = subjects.Select(QualifiedSubject.Parse).ToList();
        var type = targetRegistry is null ? MigrationTypes.Context : MigrationTypes.Registry;
        var request = new MigrationRequest(type, targetRegistry, targetContext, preserveIds, allVersions, true, sourceAfter, prefix, "");
        var plan = await new MigrationPlanner(Registries, TimeProvider.System).PlanAsync(
            request, Source, new SelectedSubjects(string.Join(", ", selected), selected, new Dictionary<QualifiedSubject, string>()), includeDeleted, TestPlans.RealRun(), [],
            CancellationToken.None);
        return PlanIdentity.Seal(plan);
    }

    public async Task<ExecutionResult> RunAsync(OperationPlan plan, IRegistryGateway? gateway = null, bool dryRunFirst = true)
    {
        if (dryRunFirst)
        {
            var dry = await Executor().ExecuteAsync(plan, Source, Request(dryRun: true), CancellationToken.None);
            Assert.True(dry.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", dry.FirstErrors));
        }

        return await Executor().ExecuteAsync(plan, gateway ?? Source, Request(dryRun: false), CancellationToken.None);
    }

    public async Task RestoreAsync(string backupId)
    {
        var backup = await Backups.LoadAsync(backupId, CancellationToken.None);
        var created = await RunCreations.ReadAsync(Path.Combine(Backups.GetFolder(backupId), ExecutionJournal.FileName), CancellationToken.None);
        var plan = PlanIdentity.Seal(await new RestorePlanner(Source, TimeProvider.System, Registries).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None, created));
        var result = await Executor().ExecuteAsync(plan, Source, Request(dryRun: false), CancellationToken.None);
        Assert.True(result.TaskStatus == BulkTaskStatus.Completed,
            $"{result.TaskStatus}: {string.Join("; ", result.FirstErrors)}; plan: {string.Join(" | ", plan.Changes.Select(c => $"{c.UndoOrder.Rank} {c.Describe()}"))}");
    }

    public static async Task<int> RegisterAsync(IRegistryGateway gateway, string subject, string schema, params SchemaReference[] references) =>
        (await gateway.RegisterAsync(QualifiedSubject.Parse(subject), new RegisterSchemaRequest(schema, References: references), CancellationToken.None))
            .GetValueOrThrow(gateway.Registry.Name, "register").Id;

    public ExecutionRequest Request(bool dryRun) => TestPlans.Request(TestPlans.RealRun(), dryRun: dryRun) with { Registries = Registries };

    public PlanExecutor Executor() => new(Backups, Data, TimeProvider.System, NullLogger<PlanExecutor>.Instance);

    public static string Record(string name, int fields = 1) => SandboxHarness.AvroRecord(name, fields);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await SourceSandbox.DisposeAsync();
        await TargetSandbox.DisposeAsync();
        if (Directory.Exists(Data.Root))
        {
            Directory.Delete(Data.Root, recursive: true);
        }
    }
}
