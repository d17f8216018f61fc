using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>Canary, batches, delays on a fake clock, parallelism, cancellation and host shutdown, against the Sandbox.</summary>
public sealed class PlanExecutorRunControlTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_CanaryThenBatches_WaitsTheDelayBetweenBatchesOnTheClock()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 8);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var clock = new SignalingClock();
        var progress = new ProgressLog();
        var gateway = new InterceptingGateway(harness.Gateway);

        var run = harness.Executor(clock).ExecuteAsync(
            plan, gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 3, maxParallel: 3, canary: true, delay: 10), progress), CancellationToken.None);
        var processedAtEachWait = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(10), await clock.NextWaitAsync());
            processedAtEachWait.Add(progress.Events[^1].Processed);
            clock.Fake.Advance(TimeSpan.FromSeconds(10));
        }

        var result = await run.WaitAsync(Wait);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(8, result.Applied);
        // Batches: [canary], [1-3], [4-6], [7]; the delay comes between them, never after the last.
        Assert.Equal([1, 4, 7], processedAtEachWait);
        // The canary is written and verified before any other write starts.
        Assert.Equal(["start config bulk-0", "end config bulk-0"], gateway.Events.Take(2));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        var firstOther = journal.Entries.OfType<ApplyingEntry>().First(e => e.Index != 0);
        var canaryApplied = journal.Entries.OfType<AppliedEntry>().Single(e => e.Index == 0);
        Assert.True(canaryApplied.Sequence < firstOther.Sequence);
        progress.AssertWellFormed(8);
    }

    [Fact]
    public async Task ExecuteAsync_HeldBetweenBatches_StartsNoNewBatchUntilReleased()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 6);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var progress = new ProgressLog();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waits = 0;
        var request = TestPlans.Request(TestPlans.RealRun(batchSize: 2, maxParallel: 2), progress) with
        {
            BetweenBatches = token =>
            {
                // Held at the first boundary only, as a paused task is until resume_task.
                if (Interlocked.Increment(ref waits) > 1)
                {
                    return Task.CompletedTask;
                }

                held.TrySetResult();
                return release.Task.WaitAsync(token);
            },
        };

        var run = harness.Executor().ExecuteAsync(plan, harness.Gateway, request, CancellationToken.None);
        await held.Task.WaitAsync(Wait);
        var processedWhileHeld = progress.Events[^1].Processed;
        var stateWhileHeld = await Task.WhenAll(subjects.Select(s => harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(s)), CancellationToken.None)));
        release.SetResult();
        var result = await run.WaitAsync(Wait);

        Assert.Equal(2, processedWhileHeld);
        Assert.Equal(2, stateWhileHeld.Count(c => c?.Compatibility == "FULL"));
        Assert.Equal((BulkTaskStatus.Completed, 6), (result.TaskStatus, result.Applied));
    }

    [Fact]
    public async Task ExecuteAsync_FailedCanary_RunsNothingElse()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 4);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        await harness.SetModeAsync("bulk-0", RegistryMode.ReadOnly);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, canary: true)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal([ItemOutcome.Failed, ItemOutcome.NotRun, ItemOutcome.NotRun, ItemOutcome.NotRun], result.Items.Select(i => i.Outcome));
        Assert.Contains("canary", result.Error, StringComparison.Ordinal);
        Assert.Equal("NONE", await harness.CompatibilityOfAsync("bulk-1"));
        Assert.Null(await harness.CompatibilityOfAsync("bulk-2"));
    }

    [Fact]
    public async Task ExecuteAsync_WithinABatch_RunsUpToMaxParallelAtOnce()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 6);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var gateway = new InterceptingGateway(harness.Gateway)
        {
            // The first write waits until a second one has started: only parallel items get past it.
            BeforeWrite = async _ =>
            {
                if (Interlocked.Increment(ref started) == 1)
                {
                    await secondStarted.Task.WaitAsync(Wait);
                }
                else
                {
                    secondStarted.TrySetResult();
                }
            },
        };

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 6, maxParallel: 3)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.InRange(gateway.MaxConcurrentWrites, 2, 3);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringTheDelay_RollsBack()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 5);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var clock = new SignalingClock();
        var progress = new ProgressLog();
        using var cancel = new CancellationTokenSource();

        var run = harness.Executor(clock).ExecuteAsync(
            plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 2, canary: true, delay: 60), progress), cancel.Token);
        await clock.NextWaitAsync();
        await cancel.CancelAsync();
        var result = await run.WaitAsync(Wait);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.NotRun, ItemOutcome.NotRun, ItemOutcome.NotRun, ItemOutcome.NotRun], result.Items.Select(i => i.Outcome));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        progress.AssertWellFormed(5 + 1);
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal("rolled_back", journal.Completed!.Status);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWhileAnItemIsInFlight_FinishesItThenRollsBack()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 5);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        using var cancel = new CancellationTokenSource();
        var gateway = new InterceptingGateway(harness.Gateway)
        {
            BeforeWrite = async call =>
            {
                if (call is { Kind: "config", Target: "bulk-2" })
                {
                    await cancel.CancelAsync();
                }
            },
        };

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun()), cancel.Token);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal(
            [ItemOutcome.Undone, ItemOutcome.Undone, ItemOutcome.Undone, ItemOutcome.NotRun, ItemOutcome.NotRun],
            result.Items.Select(i => i.Outcome));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWithoutRollback_KeepsWhatWasApplied()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 4);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var clock = new SignalingClock();
        using var cancel = new CancellationTokenSource();

        var run = harness.Executor(clock).ExecuteAsync(
            plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, batchSize: 2, canary: true, delay: 60)), cancel.Token);
        await clock.NextWaitAsync();
        await cancel.CancelAsync();
        var result = await run.WaitAsync(Wait);

        Assert.Equal(BulkTaskStatus.Cancelled, result.TaskStatus);
        Assert.False(result.Interrupted);
        Assert.Equal(1, result.Applied);
        Assert.Equal("FULL", await harness.CompatibilityOfAsync("bulk-0"));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal("cancelled", journal.Completed!.Status);
    }

    [Fact]
    public async Task ExecuteAsync_HostShutdown_MarksTheJournalInterruptedWithoutRollingBack()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 5);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        var clock = new SignalingClock();
        using var host = new CancellationTokenSource();
        var request = TestPlans.Request(TestPlans.RealRun(batchSize: 2, canary: true, delay: 60)) with { HostStopping = host.Token };

        var run = harness.Executor(clock).ExecuteAsync(plan, harness.Gateway, request, CancellationToken.None);
        await clock.NextWaitAsync();
        await host.CancelAsync();
        var result = await run.WaitAsync(Wait);

        Assert.Equal(BulkTaskStatus.Cancelled, result.TaskStatus);
        Assert.True(result.Interrupted);
        Assert.Equal(ItemOutcome.Applied, result.Items[0].Outcome);
        Assert.Contains("shutdown", result.Error, StringComparison.Ordinal);
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.IsType<InterruptedEntry>(journal.Entries[^1]);
        Assert.Null(journal.Completed);
        Assert.True(journal.WasInterrupted);
        Assert.Equal([0], journal.AppliedNotUndone().Select(e => e.Index));
    }

    [Fact]
    public async Task ExecuteAsync_RegistryLockedByAnotherRun_ChangesNothing()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 2);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        using var held = Core.Execution.Locking.RegistryLock.Acquire(harness.Data, harness.Gateway.Registry, TimeProvider.System);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Contains("busy", result.Error, StringComparison.Ordinal);
        Assert.All(result.Items, i => Assert.Equal(ItemOutcome.NotRun, i.Outcome));
        Assert.Null(await harness.CompatibilityOfAsync("bulk-0"));
    }

    [Fact]
    public async Task ExecuteAsync_WithoutBackup_JournalsInItsOwnFolder()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = await SeedAsync(harness, 2);
        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, backup: false)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Null(result.BackupId);
        Assert.StartsWith(Path.Combine(harness.Data.Root, "journals"), result.JournalPath, StringComparison.Ordinal);
        Assert.Empty(await harness.Backups.ListAsync(CancellationToken.None));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal("completed", journal.Completed!.Status);
    }

    private static async Task<IReadOnlyList<string>> SeedAsync(SandboxHarness harness, int count)
    {
        var subjects = Enumerable.Range(0, count).Select(i => $"bulk-{i}").ToList();
        await harness.RegisterEachAsync(subjects);

        await harness.PutConfigAsync("bulk-1", new JsonObject { ["compatibility"] = "NONE" });
        return subjects;
    }
}
