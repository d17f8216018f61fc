using BulkWizard.Core.Execution;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Sandbox;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>
/// What one config change costs, counted by the Sandbox: the read before the write (drift check and backup entry),
/// the write, and a verifying read only where the registry's answer to the write does not prove what it stored.
/// </summary>
public sealed class RequestBudgetTests
{
    private static readonly string[] Subjects = ["test-a", "test-b", "test-c", "test-d"];

    [Theory]
    [InlineData(SandboxProfile.Platform8, 2)]
    [InlineData(SandboxProfile.Platform76, 3)]
    public async Task CompatibilityRun_RequestsPerItem_TwoWhereThePutAnswerIsTheStoredConfig(SandboxProfile profile, int perItem)
    {
        await using var harness = await SandboxHarness.StartAsync(new SandboxOptions { SeedDemoData = false, Profile = profile });
        await harness.RegisterEachAsync(Subjects);
        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        harness.Sandbox.Requests.Reset();

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        var routes = harness.Sandbox.Requests.Snapshot();
        // Besides the items: the registry's version, read once to know what its answers prove.
        Assert.Equal(perItem * Subjects.Length, harness.Sandbox.Requests.Total - routes.GetValueOrDefault("GET /v1/metadata/version"));
        Assert.Equal(Subjects.Length, routes["PUT /config/{subject}"]);
        foreach (var subject in Subjects)
        {
            Assert.Equal("FULL", await harness.CompatibilityOfAsync(subject));
        }
    }

    [Fact]
    public async Task DryRun_OneReadPerItemAndNoWrite()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(Subjects);
        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        harness.Sandbox.Requests.Reset();

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(), dryRun: true), CancellationToken.None);

        Assert.Equal(Subjects.Length, result.WouldApply);
        Assert.Equal(new Dictionary<string, long> { ["GET /config/{subject}"] = Subjects.Length }, harness.Sandbox.Requests.Snapshot());
    }
}
