using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// The producer check before subjects turn READONLY, through the real server with its Kafka section at librdkafka's mock
/// cluster in this process: a topic still produced to is named, and skip leaves its subject out, force keeps it, cancel stops.
/// </summary>
public sealed class ConfigurationProducerTests(MockKafka kafka) : IAsyncLifetime, IClassFixture<MockKafka>
{
    private SandboxRegistry _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var seed = new RegistrySeeder(_sandbox.BaseAddress);
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "id"));
        kafka.ProduceWithIds("orders", 1);
        kafka.ProduceWithIds("payments", 2);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ReadOnly_TopicStillProducedTo_SkipLeavesItsSubjectOut_ForceKeepsIt_CancelStops()
    {
        var before = await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var (skipped, forced, cancelled) = await WhileProducingAsync(async () =>
            (await PlanAsync(client, "skip"), await PlanAsync(client, "force"), await PlanAsync(client, "cancel")));

        Assert.Equal(("planned", 1), (skipped.Str("status"), skipped["plan"]!.Number("changes")));
        Assert.Contains("orders-value: left out: topic orders is still produced to", skipped["plan"]!.Str("preview"), StringComparison.Ordinal);
        Assert.Equal(("planned", 2), (forced.Str("status"), forced["plan"]!.Number("changes")));
        Assert.Contains(forced["plan"]!["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("Forced despite active producers on 1 topic(s) (orders)", StringComparison.Ordinal));
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.StartsWith("Cancelled: producers still write to 1 topic(s) (orders).", cancelled.Str("message"), StringComparison.Ordinal);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress)).DifferencesFrom(before));
    }

    [Fact]
    public async Task ReadOnly_OnAContext_CannotSkipSomeOfItsSubjects_SkipIsRefusedByName()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var refused = await WhileProducingAsync(() => client.CallExpectingErrorAsync("bulk_configuration_update", new()
        {
            ["configuration_type"] = "mode", ["scope"] = "default_context", ["mode"] = "READONLY", ["producers_action"] = "skip", ["unknown_impact"] = "proceed",
        }));

        Assert.EndsWith("producers_action: 'skip' is not allowed: use one of force, cancel.", refused, StringComparison.Ordinal);
    }

    private static Task<JsonObject> PlanAsync(McpClient client, string action) =>
        client.CallAsync("bulk_configuration_update", new()
        {
            ["configuration_type"] = "mode", ["pattern"] = "*-value", ["mode"] = "READONLY", ["producers_action"] = action, ["unknown_impact"] = "proceed",
        });

    /// <summary>Runs <paramref name="action"/> while a producer writes to the orders topic at a steady pace.</summary>
    private async Task<T> WhileProducingAsync<T>(Func<Task<T>> action)
    {
        using var producing = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            do
            {
                kafka.ProduceWithIds("orders", 1);
            }
            while (await pace.WaitForNextTickAsync(CancellationToken.None) && !producing.IsCancellationRequested);
        });
        try
        {
            return await action();
        }
        finally
        {
            await producing.CancelAsync();
            await producer;
        }
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["BulkWizard__Registries__0__Name"] = "lab",
        ["BulkWizard__Registries__0__Url"] = _sandbox.BaseAddress.ToString(),
        ["BulkWizard__Registries__0__Kafka__BootstrapServers"] = kafka.BootstrapServers,
        ["BulkWizard__Impact__ProducerWindowSeconds"] = "1",
        ["BulkWizard__Impact__KafkaTimeoutSeconds"] = "2",
        ["BulkWizard__DataDirectory"] = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N")),
    };
}
