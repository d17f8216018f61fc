using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Registry;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Support;

/// <summary>
/// A Sandbox registry on a free port, the production gateway over real HTTP to it, and a data directory of its own
/// (backups, journals, locks) that is deleted afterwards.
/// </summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public const string RegistryName = "sandbox";

    private readonly ServiceProvider _services;

    private SandboxHarness(SandboxRegistry sandbox, ServiceProvider services, string dataRoot)
    {
        Sandbox = sandbox;
        _services = services;
        Registries = services.GetRequiredService<IRegistryGatewayProvider>();
        Gateway = Registries.Get(RegistryName);
        Data = new DataDirectory(dataRoot);
        Backups = new FileBackupStore(Data);
    }

    public SandboxRegistry Sandbox { get; }

    public IRegistryGateway Gateway { get; }

    /// <summary>The configured registries: this one, named <see cref="RegistryName"/>.</summary>
    public IRegistryGatewayProvider Registries { get; }

    public DataDirectory Data { get; }

    public FileBackupStore Backups { get; }

    /// <param name="resilience">The gateway's retry options (e.g. short delays), the defaults when null.</param>
    public static async Task<SandboxHarness> StartAsync(SandboxOptions? options = null, Action<RegistryResilienceOptions>? resilience = null)
    {
        var sandbox = await SandboxRegistry.StartAsync(options ?? new SandboxOptions { SeedDemoData = false });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegistryGateways([new RegistryOptions { Name = RegistryName, Url = sandbox.BaseAddress.ToString().TrimEnd('/') }], resilience);
        var root = Path.Combine(Path.GetTempPath(), "bulkwizard-exec-" + Guid.NewGuid().ToString("N"));
        return new SandboxHarness(sandbox, services.BuildServiceProvider(), root);
    }

    public PlanExecutor Executor(TimeProvider? time = null) =>
        new(Backups, Data, time ?? TimeProvider.System, NullLogger<PlanExecutor>.Instance);

    /// <summary>An Avro record with <paramref name="fields"/> string fields, each after the first with a default, so that each is backward compatible with the one before.</summary>
    public static string AvroRecord(string name, int fields = 1)
    {
        var list = Enumerable.Range(0, fields).Select(i => i == 0
            ? """{"name":"f0","type":"string"}"""
            : $$"""{"name":"f{{i}}","type":"string","default":""}""");
        return $$"""{"type":"record","name":"{{name}}","fields":[{{string.Join(",", list)}}]}""";
    }

    /// <summary>Registers one version of each subject, in order.</summary>
    public async Task RegisterEachAsync(IEnumerable<string> subjects)
    {
        foreach (var subject in subjects)
        {
            await RegisterVersionsAsync(subject);
        }
    }

    /// <summary>Registers <paramref name="versions"/> versions of a record named after the subject; returns their ids.</summary>
    public async Task<IReadOnlyList<int>> RegisterVersionsAsync(string subject, int versions = 1)
    {
        var ids = new List<int>();
        var name = "R_" + new string([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        for (var v = 1; v <= versions; v++)
        {
            var result = await Gateway.RegisterAsync(QualifiedSubject.Parse(subject), new RegisterSchemaRequest(AvroRecord(name, v)), CancellationToken.None);
            ids.Add(result.GetValueOrThrow(RegistryName, "register").Id);
        }

        return ids;
    }

    public Task PutConfigAsync(string subject, JsonObject config) =>
        Gateway.PutConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), new RegistryConfig(config), CancellationToken.None);

    public Task SetModeAsync(string subject, RegistryMode mode) =>
        Gateway.SetModeAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), mode, force: false, CancellationToken.None);

    public async Task<string?> CompatibilityOfAsync(string subject) =>
        (await Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), CancellationToken.None))?.Compatibility;

    public async Task<string?> ModeOfAsync(string subject) =>
        (await Gateway.GetModeAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), CancellationToken.None))?.Name;

    /// <summary>What the compatibility planner would plan: each subject's own config with the level set.</summary>
    public async Task<OperationPlan> CompatibilityPlanAsync(IEnumerable<string> subjects, string level, IRegistryGateway? gateway = null)
    {
        var changes = new List<PlannedChange>();
        foreach (var subject in subjects)
        {
            var own = (await Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), CancellationToken.None))?.Fields;
            var after = (JsonObject?)own?.DeepClone() ?? [];
            after["compatibility"] = level;
            changes.Add(new SubjectConfigChange(subject, own, after, own?["compatibility"]?.GetValue<string>() ?? "inherited", level));
        }

        return TestPlans.Of((gateway ?? Gateway).Registry.Name, changes);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
        if (Directory.Exists(Data.Root))
        {
            Directory.Delete(Data.Root, recursive: true);
        }
    }
}
