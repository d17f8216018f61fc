using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Execution.TwoRegistries;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Sandbox.Faults;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>
/// Runs of a few hundred registrations against the Sandbox over real HTTP while it answers some writes 429 with
/// Retry-After, or 50002 before or after storing them: every change is applied exactly once (the Sandbox's own request
/// counts and each subject's versions say so), and the result and the progress notes say how often and why the run
/// slowed down. Retry-After is 1 s; the gateway waits at most 50 ms, so the test waits little.
/// </summary>
public sealed class PacedRunTests
{
    private const int Changes = 300;
    private const string Registrations = "POST /subjects/{subject}/versions";
    private const string Capped = "registry asked to wait 1 s (429); waiting 50 ms, the most allowed";

    [Fact]
    public async Task ExecuteAsync_SomeWritesAnswered429_EveryChangeAppliedOnce_TheWaitsReported()
    {
        await using var harness = await StartAsync();
        var plan = Plan();
        harness.Sandbox.Faults.Arm(new FaultOptions
        {
            RetryAfterSeconds = 1,
            FailWrite = new WriteFault { At = 3, Every = 7, UntilDisarmed = true, Answer = WriteFaultAnswer.RateLimited },
        });
        var progress = new ProgressLog();

        var result = await harness.Executor().ExecuteAsync(
            plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(maxParallel: 8), progress), CancellationToken.None);
        harness.Sandbox.Faults.Disarm();

        var turnedAway = (int)harness.Sandbox.Faults.Count(FaultKind.RateLimited);
        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(Changes, result.Applied);
        Assert.True(turnedAway >= Changes / 7, $"only {turnedAway} writes were answered 429");
        Assert.Equal(Changes + turnedAway, harness.Sandbox.Requests.Get(Registrations));
        await AssertOneVersionEachAsync(harness);
        Assert.Equal(new RunSlowdowns(turnedAway, 0, 0, 0, Capped), result.Slowdowns);
        Assert.Equal($"{turnedAway} × 429", result.Slowdowns.Describe());
        Assert.Contains(progress.Events, e => e.Message == "slowing down: " + Capped);
        progress.AssertWellFormed(Changes);
    }

    [Theory]
    [InlineData(WriteFaultTiming.AfterApply)]
    [InlineData(WriteFaultTiming.BeforeApply)]
    public async Task ExecuteAsync_SomeWritesAnswered50002_NothingAppliedTwice_EverythingApplied(WriteFaultTiming timing)
    {
        await using var harness = await StartAsync();
        var plan = Plan();
        harness.Sandbox.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { At = 2, Every = 9, UntilDisarmed = true, Timing = timing, Answer = WriteFaultAnswer.TimedOut } });
        var progress = new ProgressLog();

        var result = await harness.Executor().ExecuteAsync(
            plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(maxParallel: 8), progress), CancellationToken.None);
        harness.Sandbox.Faults.Disarm();

        var timedOut = (int)harness.Sandbox.Faults.Count(timing == WriteFaultTiming.AfterApply ? FaultKind.WriteFailedAfterApply : FaultKind.WriteFailedBeforeApply);
        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(Changes, result.Applied);
        Assert.True(timedOut >= Changes / 9, $"only {timedOut} writes were answered 50002");

        // Stored then answered 50002: read back as applied, never sent again. Not stored: sent again once each.
        var expectedRegistrations = timing == WriteFaultTiming.AfterApply ? Changes : Changes + timedOut;
        Assert.Equal(expectedRegistrations, harness.Sandbox.Requests.Get(Registrations));
        await AssertOneVersionEachAsync(harness);
        Assert.Equal(timedOut, result.Slowdowns.TimedOut);
        Assert.StartsWith("registry timed out an operation (50002); ", result.Slowdowns.Last, StringComparison.Ordinal);
        Assert.Contains(progress.Events, e => e.Message.StartsWith("slowing down: registry timed out an operation (50002); at most ", StringComparison.Ordinal));
        progress.AssertWellFormed(Changes);
    }

    private static Task<SandboxHarness> StartAsync() =>
        SandboxHarness.StartAsync(resilience: r => (r.BaseDelay, r.MaxDelay) = (TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)));

    /// <summary>One registration per subject; the change kind is the tests' own, so the plan is built unsealed.</summary>
    private static OperationPlan Plan() => new()
    {
        Id = PlanIdentity.NewId(),
        OperationType = "test_register",
        Title = "register a version of each subject",
        Registry = SandboxHarness.RegistryName,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Answers = [],
        Config = TestPlans.RealRun(maxParallel: 8),
        Changes = [.. Enumerable.Range(0, Changes).Select(i => new RegisterVersionChange($"paced-{i:D3}", SandboxHarness.AvroRecord($"Paced{i}")))],
        Estimate = PlanEstimate.For(Changes, new BulkOperationConfig(), 1),
    };

    private static async Task AssertOneVersionEachAsync(SandboxHarness harness)
    {
        var versions = new List<SchemaVersion>();
        await foreach (var version in harness.Gateway.ListSchemasAsync(new SchemaQuery(SubjectPrefix: "paced-", IncludeDeleted: true), CancellationToken.None))
        {
            versions.Add(version);
        }

        Assert.Equal(Changes, versions.Count);
        Assert.All(versions, v => Assert.Equal(1, v.Version));
        Assert.Equal(Changes, versions.Select(v => v.Subject.Name).Distinct().Count());
    }
}
