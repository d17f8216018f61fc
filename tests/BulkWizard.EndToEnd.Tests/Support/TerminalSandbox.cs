using BulkWizard.Sandbox;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// One seeded Sandbox and data directory for a class of terminal tests (run one after another): test-a and test-b
/// (two versions each) and test-ro (READONLY) for cleanups, orders-value and payments-value (NONE) for compatibility
/// updates, legacy-x for refusals, metrics-1 to metrics-5 for a run stopped half-way.
/// </summary>
public sealed class TerminalSandbox : IAsyncLifetime
{
    public WizardHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await WizardHarness.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var seed = new RegistrySeeder(Harness.Sandbox.BaseAddress);
        await seed.RegisterAsync("test-a", RegistrySeeder.AvroRecord("A", "f1"));
        await seed.RegisterAsync("test-a", RegistrySeeder.AvroRecord("A", "f1", "f2"));
        await seed.RegisterAsync("test-b", RegistrySeeder.AvroRecord("B", "f1"));
        await seed.RegisterAsync("test-b", RegistrySeeder.AvroRecord("B", "f1", "f2"));
        await seed.RegisterAsync("test-ro", RegistrySeeder.AvroRecord("Ro", "f1"));
        await seed.SetModeAsync("test-ro", "READONLY");
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "f1"));
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "f1"));
        await seed.SetCompatibilityAsync("payments-value", "NONE");
        await seed.RegisterAsync("legacy-x", RegistrySeeder.AvroRecord("X", "f1"));
        for (var i = 1; i <= 5; i++)
        {
            await seed.RegisterAsync($"metrics-{i}", RegistrySeeder.AvroRecord("M" + i, "f1"));
        }
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
