using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Support;
using Moq;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>Runs refused before anything is read or written.</summary>
public sealed class PlanExecutorRefusalTests
{
    private static readonly IRegistryGateway Gateway = Mock.Of<IRegistryGateway>(g => g.Registry == new RegistryOptions { Name = "prod", Url = "http://registry.test" });

    [Fact]
    public void Refusal_NoBackupWithRollback_NamesCreateBackup()
    {
        var refusal = PlanExecutor.Refusal(ConfigPlan(), Gateway, TestPlans.Request(TestPlans.RealRun(rollback: true, backup: false)));

        Assert.StartsWith("create_backup", refusal, StringComparison.Ordinal);
        Assert.Contains("rollback_on_error", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NoBackupForDestructivePlan_NamesCreateBackup()
    {
        var restore = new SubjectRestoreChange("orders", "bk_20261126T133000Z_1f3a9c0e", new SubjectBackup("orders", [], null, null), new SubjectSnapshot([], null, "READONLY"), 0);
        var plan = TestPlans.Of("prod", [restore]);

        var refusal = PlanExecutor.Refusal(plan, Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, backup: false)));

        Assert.StartsWith("create_backup", refusal, StringComparison.Ordinal);
        Assert.Contains("destructive", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_NoBackupWithoutRollbackForConfigPlan_IsAllowed() =>
        Assert.Null(PlanExecutor.Refusal(ConfigPlan(), Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, backup: false))));

    [Fact]
    public void Refusal_BatchSizeOutOfRange_NamesTheField() =>
        Assert.Equal("batch_size: allowed 1 to 1000.", PlanExecutor.Refusal(ConfigPlan(), Gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 0))));

    [Fact]
    public void Refusal_PlanForAnotherRegistry_IsRefused() =>
        Assert.Contains("'staging'", PlanExecutor.Refusal(ConfigPlan("staging"), Gateway, TestPlans.Request(TestPlans.RealRun())), StringComparison.Ordinal);

    [Fact]
    public void Refusal_PlanChangedAfterItsHash_IsRefused()
    {
        var plan = ConfigPlan() with { Title = "something else" };

        Assert.Contains("hash", PlanExecutor.Refusal(plan, Gateway, TestPlans.Request(TestPlans.RealRun())), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_ReadOnlyRegistry_AllowsOnlyADryRun()
    {
        var readOnly = Mock.Of<IRegistryGateway>(g => g.Registry == new RegistryOptions { Name = "prod", Url = "http://registry.test", ReadOnly = true });

        Assert.Contains("read-only", PlanExecutor.Refusal(ConfigPlan(), readOnly, TestPlans.Request(TestPlans.RealRun())), StringComparison.Ordinal);
        Assert.Null(PlanExecutor.Refusal(ConfigPlan(), readOnly, TestPlans.Request(TestPlans.RealRun(), dryRun: true)));
    }

    [Fact]
    public async Task ExecuteAsync_RefusedRun_ThrowsBeforeAnyRequest()
    {
        var gateway = new Mock<IRegistryGateway>(MockBehavior.Strict);
        gateway.Setup(g => g.Registry).Returns(new RegistryOptions { Name = "prod", Url = "http://registry.test" });
        var root = Path.Combine(Path.GetTempPath(), "bulkwizard-refusal-" + Guid.NewGuid().ToString("N"));
        var data = new DataDirectory(root);
        var executor = new PlanExecutor(new FileBackupStore(data), data, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanExecutor>.Instance);

        var refused = await Assert.ThrowsAsync<ExecutionRefusedException>(() =>
            executor.ExecuteAsync(ConfigPlan(), gateway.Object, TestPlans.Request(TestPlans.RealRun(backup: false)), CancellationToken.None));

        Assert.StartsWith("create_backup", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void UndoOrder_ReferrersFirstThenHigherVersionsThenReversePlanOrder()
    {
        var changes = new List<PlannedChange>
        {
            new OrderedChange("a", 0, 1),
            new OrderedChange("b", 1, 1),
            new OrderedChange("c", 0, 3),
            new OrderedChange("d", 0, 1),
            new OrderedChange("e", 1, 2),
        };

        var order = ExecutionBatches.UndoOrder([0, 1, 2, 3, 4], changes);

        Assert.Equal(["e", "b", "c", "d", "a"], order.Select(i => changes[i].Subject));
    }

    [Fact]
    public void Split_WithCanary_PutsTheFirstChangeAlone()
    {
        var batches = ExecutionBatches.Split(ConfigChanges(8), new BulkOperationConfig { Canary = true, BatchSize = 3 });

        Assert.Equal([[0], [1, 2, 3], [4, 5, 6], [7]], batches);
        Assert.Equal(batches.Count, PlanEstimate.For(8, new BulkOperationConfig { Canary = true, BatchSize = 3 }, 1).Batches);
    }

    [Fact]
    public void Split_WithCanary_TheCanaryIsTheFirstChangeThatWrites_WithWhatComesBefore()
    {
        PlannedChange[] changes = [new ContextCreationChange(":.prod:"), .. ConfigChanges(4)];

        var batches = ExecutionBatches.Split(changes, new BulkOperationConfig { Canary = true, BatchSize = 3 });

        Assert.Equal(1, ExecutionBatches.CanaryIndex(changes));
        Assert.Equal([[0, 1], [2, 3, 4]], batches);
    }

    private static PlannedChange[] ConfigChanges(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SubjectConfigChange($"s{i}", null, new JsonObject { ["compatibility"] = "FULL" }, "inherited", "FULL"))];

    private static OperationPlan ConfigPlan(string registry = "prod") =>
        TestPlans.Of(registry, [new SubjectConfigChange("orders", null, new JsonObject { ["compatibility"] = "FULL" }, "inherited", "FULL")]);

    private sealed record OrderedChange(string Subject, int Depth, int Version) : PlannedChange(Subject)
    {
        public override bool IsDestructive => false;

        public override JsonNode? Before => null;

        public override JsonNode? After => null;

        public override (int Rank, int Version) UndoOrder => (Depth, Version);

        public override string Describe() => Subject;

        public override Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

        public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
