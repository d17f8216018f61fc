using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>check_consumer_impact through the real server process, its Kafka section at a mock cluster in this process.</summary>
public sealed class ConsumerImpactTests(MockKafka kafka) : IAsyncLifetime, IClassFixture<MockKafka>
{
    private SandboxRegistry _sandbox = null!;
    private int _ordersId;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var seed = new RegistrySeeder(_sandbox.BaseAddress);
        _ordersId = await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "id"));
        kafka.ProduceWithIds("orders", _ordersId);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task CheckConsumerImpact_IdInRetainedData_AffectedAndMissingTopicUnknown()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings(withKafka: true));

        var report = await client.CallAsync("check_consumer_impact", new() { ["pattern"] = "*" });

        Assert.Equal("lab", report.Str("registry"));
        var subjects = Subjects(report);
        var orders = subjects["orders-value"];
        Assert.Equal(("orders", "affected"), (orders.Str("topic"), orders.Str("verdict")));
        Assert.Equal([_ordersId], orders["ids_in_retained_data"]!.AsArray().Select(i => i!.GetValue<int>()));
        Assert.False(orders["producers_active"]!.GetValue<bool>());
        Assert.Contains("consumer groups could not be read", orders.Str("reason"), StringComparison.Ordinal);
        var payments = subjects["payments-value"];
        Assert.Equal("unknown", payments.Str("verdict"));
        Assert.Equal("Topic 'payments' of subject 'payments-value' does not exist on the Kafka cluster.", payments.Str("reason"));
        Assert.Equal((2, 1, 0, 1), (report["summary"]!.Number("subjects"), report["summary"]!.Number("affected"), report["summary"]!.Number("none_seen"), report["summary"]!.Number("unknown")));
    }

    [Fact]
    public async Task CheckConsumerImpact_NoKafkaConfigured_EveryVerdictUnknown()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings(withKafka: false));

        var report = await client.CallAsync("check_consumer_impact", new() { ["pattern"] = "*", ["sample_per_partition"] = 10 });

        var subjects = Subjects(report);
        Assert.Equal(2, subjects.Count);
        Assert.All(subjects.Values, s =>
        {
            Assert.Equal("unknown", s.Str("verdict"));
            Assert.Equal("no Kafka cluster configured for registry 'lab': consumer impact was not checked", s.Str("reason"));
        });
    }

    [Fact]
    public async Task CheckConsumerImpact_SampleOutOfRange_ErrorNamesTheField()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings(withKafka: false));

        var error = await client.CallExpectingErrorAsync("check_consumer_impact", new() { ["pattern"] = "*", ["sample_per_partition"] = 0 });

        Assert.Contains("sample_per_partition: 0 is out of range: give 1 to 1000000.", error, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings(bool withKafka)
    {
        var settings = new Dictionary<string, string>
        {
            ["BulkWizard__Registries__0__Name"] = "lab",
            ["BulkWizard__Registries__0__Url"] = _sandbox.BaseAddress.ToString(),
            ["BulkWizard__Impact__ProducerWindowSeconds"] = "1",
            ["BulkWizard__Impact__KafkaTimeoutSeconds"] = "2",
        };
        if (withKafka)
        {
            settings["BulkWizard__Registries__0__Kafka__BootstrapServers"] = kafka.BootstrapServers;
        }

        return settings;
    }

    private static Dictionary<string, JsonNode> Subjects(JsonObject report) =>
        report["subjects"]!.AsArray().ToDictionary(s => s!.Str("subject"), s => s!);
}
