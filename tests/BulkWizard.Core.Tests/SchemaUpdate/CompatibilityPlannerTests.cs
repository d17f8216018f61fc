using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate;

/// <summary>Compatibility plans against the Sandbox over HTTP: which subjects change, in which order, and what the warnings count.</summary>
public sealed class CompatibilityPlannerTests
{
    [Fact]
    public async Task PlanAsync_MixedSubjects_ChangesAndSkipsKeepSelectionOrder()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] order = ["test-e", "test-a", "test-d", "test-b", "test-c"];
        await harness.RegisterEachAsync(order);
        await harness.Gateway.PutConfigAsync(RegistryScope.Global, RegistryConfig.WithCompatibility("FULL"), CancellationToken.None);
        await harness.PutConfigAsync("test-a", new JsonObject { ["compatibility"] = "BACKWARD" });
        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "NONE" });
        await harness.SetModeAsync("test-d", RegistryMode.ReadOnly);

        var plan = await PlanAsync(harness, CompatibilityLevel.Backward, order);

        Assert.Equal(["test-e", "test-b", "test-c"], plan.Changes.Select(c => c.Subject));
        Assert.Equal(["inherited from global: FULL", "NONE", "inherited from global: FULL"], plan.Changes.Cast<SubjectConfigChange>().Select(c => c.BeforeText));
        Assert.Equal([("test-a", "already BACKWARD"), ("test-d", "mode READONLY (subject)")], plan.Skipped.Select(s => (s.Subject, s.Reason)));
    }

    [Fact]
    public async Task PlanAsync_SkippedSubjectsInheritALooserLevel_LooseningWarningCountsOnlyChangedSubjects()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] order = ["test-c", "test-a", "test-b"];
        await harness.RegisterEachAsync(order);
        await harness.Gateway.PutConfigAsync(RegistryScope.Global, RegistryConfig.WithCompatibility("FULL"), CancellationToken.None);
        await harness.SetModeAsync("test-a", RegistryMode.ReadOnly);
        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "BACKWARD" });

        var plan = await PlanAsync(harness, CompatibilityLevel.Backward, order);

        Assert.Equal("test-c", Assert.Single(plan.Changes).Subject);
        Assert.Equal("Loosens compatibility on 1 subject(s) (e.g. test-c: FULL → BACKWARD): producers may then register schemas that existing consumers cannot read.",
            Assert.Single(plan.Warnings));
    }

    private static Task<OperationPlan> PlanAsync(SandboxHarness harness, CompatibilityLevel level, string[] subjects) =>
        new CompatibilityPlanner(harness.Gateway, TimeProvider.System).PlanAsync(
            new SelectedSubjects("test-*", [.. subjects.Select(QualifiedSubject.Parse)], new Dictionary<QualifiedSubject, string>()),
            level,
            TestPlans.RealRun(),
            [],
            CancellationToken.None);
}
