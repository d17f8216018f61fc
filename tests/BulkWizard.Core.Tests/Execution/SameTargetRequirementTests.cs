using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>
/// A change that requires an earlier change of its own target (a mode switch after the purge of that subject): a dry run
/// cannot check its state before, which only the earlier change makes; a real run checks it after that change applied.
/// </summary>
public sealed class SameTargetRequirementTests
{
    private static readonly RegistryScope Subject = RegistryScope.ForSubject(QualifiedSubject.Parse("orders-value"));

    private static OperationPlan Plan(string? firstExpects) => TestPlans.Of(SandboxHarness.RegistryName,
    [
        new ScopeModeChange("orders-value", firstExpects, "READONLY", Force: true, LeavesWritesBlocked: true),
        new ScopeModeChange("orders-value", "READONLY", "IMPORT", Force: true, LeavesWritesBlocked: true) { RequiresApplied = new ChangeTarget(null, "orders-value") },
    ], "configuration");

    [Fact]
    public async Task DryRun_BothWouldApply_ThenTheRealRunAppliesThemInOrder()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value");
        var plan = Plan(firstExpects: null);

        var dryRun = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(), dryRun: true), CancellationToken.None);
        var run = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(2, dryRun.WouldApply);
        Assert.Equal((BulkTaskStatus.Completed, 2), (run.TaskStatus, run.Applied));
        Assert.Equal("IMPORT", (await harness.Gateway.GetModeAsync(Subject, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task RealRun_TheRequiredChangeInConflict_TheFollowingOneIsNotRun()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value");

        var run = await harness.Executor().ExecuteAsync(Plan(firstExpects: "READWRITE"), harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false)), CancellationToken.None);

        Assert.Equal([ItemOutcome.Conflict, ItemOutcome.NotRun], run.Items.Select(i => i.Outcome));
        Assert.Null(await harness.Gateway.GetModeAsync(Subject, CancellationToken.None));
    }
}
