using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tests.Support;

namespace BulkWizard.Server.Tests.Execution;

public sealed class PlanServiceTests
{
    private static OperationPlan Unsealed() => new()
    {
        Id = PlanIdentity.NewId(),
        OperationType = "restore_backup",
        Title = "Restore backup bk_1",
        Registry = "lab",
        CreatedAt = DateTimeOffset.UtcNow,
        Answers = new JsonObject(),
        Config = new BulkOperationConfig(),
        Changes = [],
        Estimate = PlanEstimate.For(0, new BulkOperationConfig(), 1),
    };

    [Fact]
    public async Task SaveAsync_SealsThenSaves()
    {
        var harness = new ConversationHarness();

        var saved = await harness.Planning.SaveAsync(Unsealed(), default);

        Assert.Equal(PlanJson.HashOf(saved), saved.Hash);
        Assert.Same(saved, harness.Plans.Saved.Single());
    }

    [Theory]
    [InlineData(null, "confirmation: give 'accept' to run this plan (or YES).")]
    [InlineData("maybe", "confirmation: give 'accept' to run this plan (or YES).")]
    public async Task RunAsync_NotConfirmed_RefusedAndNothingStartedOrSpent(string? confirmation, string refusal)
    {
        var harness = new ConversationHarness();
        var plan = await harness.Planning.SaveAsync(Unsealed(), default);

        var run = await harness.Planning.RunAsync(plan, new RunRequest(DryRun: false, confirmation, RunRequest.AssistantConfirmed, 0), null, default);

        Assert.Equal((null, refusal), (run.Task, run.Refusal));
        Assert.Empty(harness.Tasks.List());
        Assert.True(harness.Approvals.TryConsume(plan));
    }

    [Fact]
    public async Task RunAsync_UsedPlan_Refused()
    {
        var harness = new ConversationHarness();
        var plan = await harness.Planning.SaveAsync(Unsealed(), default);
        harness.Approvals.TryConsume(plan);

        var run = await harness.Planning.RunAsync(plan, new RunRequest(DryRun: true, null, RunRequest.AssistantConfirmed, 0), null, default);

        Assert.StartsWith($"plan_id: plan {plan.Id} has already been executed", run.Refusal, StringComparison.Ordinal);
        Assert.Empty(harness.Tasks.List());
    }
}
