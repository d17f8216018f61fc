using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using static BulkWizard.EndToEnd.Tests.Support.ElicitationScript;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// The cleanup's impact questions through the real server, its Kafka section at librdkafka's mock cluster in this
/// process: schema ids still in retained data (force, skip, cancel) and active producers. The mock cluster does not
/// serve group listing, so "wait" is covered where the admin client is mocked (Core and Kafka tests).
/// </summary>
public sealed class CleanupImpactTests(MockKafka kafka) : IAsyncLifetime, IClassFixture<MockKafka>
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
        kafka.ProduceWithIds("payments", 999_999);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task PermanentCleanup_IdStillInRetainedData_ForceKeepsIt_SkipLeavesItOut_CancelChangesNothing()
    {
        var before = await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var forced = await PlanAsync(client, "force");
        var skipped = await PlanAsync(client, "skip");
        var cancelled = await PlanAsync(client, "cancel");

        Assert.Equal(("planned", 2), (forced.Str("status"), forced["plan"]!.Number("changes")));
        Assert.Contains(forced["plan"]!["warnings"]!.AsArray(), w => w!.GetValue<string>() == $"Forced despite consumers: orders-value (topic orders): ids {_ordersId} in retained data");
        Assert.Equal(("planned", 1), (skipped.Str("status"), skipped["plan"]!.Number("changes")));
        Assert.Contains($"orders-value: left out: orders-value (topic orders): ids {_ordersId} in retained data", skipped["plan"]!.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal($"Cancelled: consumers would be affected (orders-value (topic orders): ids {_ordersId} in retained data). Nothing was changed.", cancelled.Str("message"));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress)).DifferencesFrom(before));
    }

    [Fact]
    public async Task ActiveProducers_AskedInAForm_SkipRunsTheRest()
    {
        var before = await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress);
        var script = new ElicitationScript(Accept("view_details", false), Accept("producers_action", "skip"), Accept("unknown_impact", "proceed"), Accept("confirmation", "YES"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(Settings(), null, script);
        using var producing = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            // A producer writing at a steady pace for as long as the wizard runs.
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            do
            {
                kafka.ProduceWithIds("orders", _ordersId);
            }
            while (await pace.WaitForNextTickAsync(CancellationToken.None) && !producing.IsCancellationRequested);
        });

        JsonObject reply;
        try
        {
            reply = await client.CallAsync("start_bulk_wizard", new()
            {
                ["operation_type"] = "cleanup",
                ["pattern"] = "*-value",
                ["answers"] = new JsonObject
                {
                    ["cleanup_type"] = "pattern", ["permanent"] = false, ["remove_empty_context"] = false, ["remove_dangling_aliases"] = false,
                },
            });
        }
        finally
        {
            await producing.CancelAsync();
            await producer;
        }

        var asked = script.Messages.ToList();
        Assert.Equal(WizardTexts.Get("preview", 2), asked[0]);
        Assert.Equal(WizardTexts.Get("producers_detected", 1), asked[1]);
        Assert.Equal("completed", reply.Str("status"));
        var after = await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress);
        Assert.Equal(["payments-value"], after.DifferencesFrom(before));
    }

    private static Task<JsonObject> PlanAsync(ModelContextProtocol.Client.McpClient client, string action) =>
        client.CallAsync("bulk_schema_cleanup", new()
        {
            ["cleanup_type"] = "pattern", ["pattern"] = "*-value", ["permanent"] = true, ["consumers_action"] = action, ["unknown_impact"] = "proceed",
        });

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
