using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Plans;

/// <summary>Confirmation state kept in the plans folder holds for a server started later on the same data directory.</summary>
public sealed class PlanApprovalsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bulkwizard-approvals-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ExecutedPlan_IsRefusedByTheNextServer_AndOnlyOneOfTwoConsumes()
    {
        var plan = Destructive();
        var first = Approvals();
        first.RecordDryRun(plan);
        Assert.True(first.TryConsume(plan));

        var restarted = Approvals();

        Assert.False(restarted.TryConsume(plan));
        Assert.Equal(
            $"plan_id: plan {plan.Id} has already been executed; a confirmation is used once. Plan again to run it again.",
            restarted.Refusal(plan, PlanApprovals.TypedYes, dryRun: false));
    }

    [Fact]
    public void DryRunOfThePlan_CountsAfterARestart_ButNotForAnotherHash()
    {
        var plan = Destructive();
        Approvals().RecordDryRun(plan);

        var restarted = Approvals();

        Assert.True(restarted.HadDryRun(plan));
        Assert.Null(restarted.Refusal(plan, PlanApprovals.TypedYes, dryRun: false));
        Assert.False(restarted.HadDryRun(plan with { Hash = new string('0', plan.Hash.Length) }));
    }

    [Fact]
    public void WithoutAFolder_NothingIsKeptBetweenServers()
    {
        var plan = Destructive();
        var first = new PlanApprovals(TimeProvider.System, TimeSpan.FromMinutes(30));
        first.RecordDryRun(plan);

        Assert.False(new PlanApprovals(TimeProvider.System, TimeSpan.FromMinutes(30)).HadDryRun(plan));
        Assert.Empty(Directory.EnumerateFiles(_folder));
    }

    /// <summary>A fresh plan that restores a config over the live one: destructive, so it needs a dry run and YES.</summary>
    private static OperationPlan Destructive() =>
        TestPlans.Of("sandbox", [new SubjectConfigChange("orders-value", null, new JsonObject { ["compatibility"] = "FULL" }, "none", "FULL") { ReplacesLiveState = true }])
            with { CreatedAt = DateTimeOffset.UtcNow };

    private PlanApprovals Approvals() => new(TimeProvider.System, TimeSpan.FromMinutes(30), _folder);
}
