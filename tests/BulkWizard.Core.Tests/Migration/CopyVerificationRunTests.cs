using BulkWizard.Core.Execution;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Migration;

/// <summary>A run's verification of each copy against two Sandboxes: what the target stored is compared as compare_registries compares it.</summary>
public sealed class CopyVerificationRunTests
{
    [Fact]
    public async Task TargetStoresAnotherSchemaUnderThePlannedIdAndVersion_VerificationNamesTheSchema_TheRunRollsBackTheOtherCopy()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "audit", MigrationHarness.Record("Audit", 1));
        var id = await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 1));
        var sourceBefore = await RegistrySnapshot.ReadAsync(harness.Source);
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);
        var plan = await harness.PlanAsync(["audit", "orders"], "target", ".");
        var altering = RewritingGateway.Over(
            harness.Target, r => r.Schema.Contains("\"Order\"", StringComparison.Ordinal) ? r with { Schema = MigrationHarness.Record("Altered", 1) } : r);

        var run = await harness.Executor().ExecuteAsync(
            plan, harness.Source, harness.Request(dryRun: false) with { Registries = new ReplacedRegistry(harness.Registries, altering) }, CancellationToken.None);

        Assert.True(run.TaskStatus == BulkTaskStatus.RolledBack, $"{run.TaskStatus}: {string.Join("; ", run.FirstErrors)}");
        Assert.Contains($"verification failed: version 1 of orders (id {id}) was stored with another schema than copied.", run.Error, StringComparison.Ordinal);
        Assert.All(run.Items, i => Assert.Equal(ItemOutcome.Undone, i.Outcome));
        RegistrySnapshot.AssertSame(sourceBefore, await RegistrySnapshot.ReadAsync(harness.Source));
        RegistrySnapshot.AssertSame(targetBefore, await RegistrySnapshot.ReadAsync(harness.Target));
    }

    /// <summary>The configured registries, with the target's gateway replaced.</summary>
    private sealed class ReplacedRegistry(IRegistryGatewayProvider inner, IRegistryGateway replacement) : IRegistryGatewayProvider
    {
        public IReadOnlyList<RegistryOptions> Registries => inner.Registries;

        public RegistryOptions Default => inner.Default;

        public IRegistryGateway Get(string? name) =>
            string.Equals(name, replacement.Registry.Name, StringComparison.OrdinalIgnoreCase) ? replacement : inner.Get(name);
    }
}
