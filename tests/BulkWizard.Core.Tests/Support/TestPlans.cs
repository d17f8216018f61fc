using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Tests.Support;

/// <summary>Plans and requests built directly, as a planner and a confirmation would.</summary>
internal static class TestPlans
{
    public static OperationPlan Of(string registry, IReadOnlyList<PlannedChange> changes, string operationType = "schema_update") =>
        PlanIdentity.Seal(new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = operationType,
            Title = "test plan",
            Registry = registry,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Answers = new JsonObject(),
            Config = new BulkOperationConfig(),
            Changes = changes,
            Estimate = PlanEstimate.For(changes.Count, new BulkOperationConfig(), 1),
        });

    /// <summary>A real run: no dry run, canary off and one item at a time unless the test says otherwise.</summary>
    public static BulkOperationConfig RealRun(
        bool rollback = true, int batchSize = 50, int maxParallel = 1, bool canary = false, double delay = 0, double errorRate = 0.2, bool backup = true) => new()
    {
        DryRun = false,
        BatchSize = batchSize,
        MaxParallel = maxParallel,
        Canary = canary,
        DelayBetweenBatches = delay,
        ErrorRateThreshold = errorRate,
        RollbackOnError = rollback,
        CreateBackup = backup,
    };

    public static ExecutionRequest Request(BulkOperationConfig config, ProgressLog? progress = null, bool dryRun = false) =>
        new(config, dryRun, "assistant (tool call)", "task_test", progress is null ? null : progress.Report);
}
