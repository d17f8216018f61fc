using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Tests.Plans;

public sealed class PlanIdentityTests
{
    [Fact]
    public void NewId_IsAnIdTheStoreAccepts()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => PlanIdentity.NewId()).ToList();

        Assert.All(ids, id => Assert.True(PlanIdentity.IsId(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("plan_0123456789ABCDEF")]
    [InlineData("plan_0123")]
    [InlineData("../plan_0123456789abcdef")]
    [InlineData(null)]
    public void IsId_AnythingElse_Refused(string? text) => Assert.False(PlanIdentity.IsId(text));

    [Fact]
    public void Seal_HashCoversContentNotId()
    {
        var plan = PlanIdentity.Seal(new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = "schema_update",
            Title = "t",
            Registry = "sandbox",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Answers = new JsonObject(),
            Config = new BulkOperationConfig(),
            Changes = [],
            Estimate = PlanEstimate.For(0, new BulkOperationConfig(), 1),
        });

        Assert.Equal(plan.Hash, PlanIdentity.Seal(plan with { Id = PlanIdentity.NewId() }).Hash);
        Assert.NotEqual(plan.Hash, PlanIdentity.Seal(plan with { Title = "other" }).Hash);
        Assert.Equal(PlanJson.HashOf(plan), plan.Hash);
    }
}
