using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>Failures mid-run, rollback and the error-rate threshold, against the Sandbox.</summary>
public sealed class PlanExecutorFailureTests
{
    private static readonly string[] Subjects = ["test-a", "test-b", "test-c", "test-d", "test-e", "test-f"];

    [Fact]
    public async Task ExecuteAsync_SubjectTurnedReadOnlyMidRun_WithRollback_LeavesRegistryAsBefore()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await SeedAsync(harness);
        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        // Another writer turns one subject READONLY between plan and execution: its config write will be refused (42205).
        await harness.SetModeAsync("test-d", RegistryMode.ReadOnly);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var progress = new ProgressLog();

        var result = await harness.Executor().ExecuteAsync(
            plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 2, maxParallel: 2, canary: true), progress), CancellationToken.None);

        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal("failed", result.Status);
        var d = result.Items[3];
        Assert.Equal(ItemOutcome.Failed, d.Outcome);
        Assert.Contains("read-only", d.Message, StringComparison.OrdinalIgnoreCase);
        // Canary (a), then the batch b+c, then d with e alongside it: e, when it started before d failed,
        // finishes in flight and is undone too; f is never started.
        Assert.Equal(ItemOutcome.Undone, result.Items[0].Outcome);
        Assert.Equal(ItemOutcome.Undone, result.Items[1].Outcome);
        Assert.Equal(ItemOutcome.Undone, result.Items[2].Outcome);
        Assert.Contains(result.Items[4].Outcome, new[] { ItemOutcome.Undone, ItemOutcome.NotRun });
        Assert.Equal(ItemOutcome.NotRun, result.Items[5].Outcome);
        Assert.Contains("test-d", result.Error, StringComparison.Ordinal);
        Assert.NotNull(result.BackupId);

        // total = 6 changes + one undo step per applied change; processed strictly increases up to it.
        progress.AssertWellFormed(6 + result.Undone);

        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal("rolled_back", journal.Completed!.Status);
        Assert.Empty(journal.AppliedNotUndone());
        Assert.Equal(result.Undone, journal.Entries.OfType<UndoneEntry>().Count());
        Assert.Single(journal.Entries.OfType<FailedEntry>());
    }

    [Fact]
    public async Task ExecuteAsync_SubjectTurnedReadOnlyMidRun_WithoutRollback_ReportsItemByItem()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await SeedAsync(harness);
        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        await harness.SetModeAsync("test-d", RegistryMode.ReadOnly);

        var result = await harness.Executor().ExecuteAsync(
            plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, batchSize: 2, maxParallel: 2, canary: true)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(
            [ItemOutcome.Applied, ItemOutcome.Applied, ItemOutcome.Applied, ItemOutcome.Failed, ItemOutcome.Applied, ItemOutcome.Applied],
            result.Items.Select(i => i.Outcome));
        Assert.Equal(5, result.Applied);
        Assert.Equal(1, result.Failed);
        Assert.Equal(["test-d: " + result.Items[3].Message], result.FirstErrors);
        foreach (var subject in Subjects.Where(s => s != "test-d"))
        {
            Assert.Equal("FULL", await harness.CompatibilityOfAsync(subject));
        }

        Assert.Null(await harness.CompatibilityOfAsync("test-d"));
    }

    [Fact]
    public async Task ExecuteAsync_UndoMeetsConcurrentChange_ReportsUndoConflictAndLeavesIt()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await SeedAsync(harness);
        var plan = await harness.CompatibilityPlanAsync(["test-a", "test-b", "test-c"], "FULL");
        await harness.SetModeAsync("test-c", RegistryMode.ReadOnly);
        var gateway = new InterceptingGateway(harness.Gateway)
        {
            // Just before the write that fails, another writer changes test-a, which the run has applied already.
            BeforeWrite = async call =>
            {
                if (call is { Kind: "config", Target: "test-c" })
                {
                    await harness.PutConfigAsync("test-a", new JsonObject { ["compatibility"] = "NONE" });
                }
            },
        };

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RollbackFailed, result.TaskStatus);
        Assert.Equal([ItemOutcome.UndoConflict, ItemOutcome.Undone, ItemOutcome.Failed], result.Items.Select(i => i.Outcome));
        Assert.Contains("NONE", result.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal("NONE", await harness.CompatibilityOfAsync("test-a"));
        Assert.Equal("FORWARD", await harness.CompatibilityOfAsync("test-b"));
        Assert.Contains(result.BackupId!, result.Error, StringComparison.Ordinal);
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Single(journal.Entries.OfType<UndoConflictEntry>());
        Assert.Equal("rollback_failed", journal.Completed!.Status);
    }

    [Fact]
    public async Task ExecuteAsync_UndoOrder_IsReversePlanOrderWhateverTheCompletionOrder()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await SeedAsync(harness);
        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        await harness.SetModeAsync("test-f", RegistryMode.ReadOnly);
        var gateway = new InterceptingGateway(harness.Gateway);

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 6, maxParallel: 3)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        // The rollback starts once every item in flight has finished: its writes are the last five.
        var undoWrites = gateway.Events.Where(e => e.StartsWith("start ", StringComparison.Ordinal)).TakeLast(5).ToList();
        Assert.Equal(["test-e", "test-d", "test-c", "test-b", "test-a"], undoWrites.Select(e => e.Split(' ')[^1]));
        Assert.Equal("start config test-b", undoWrites[3]);
    }

    [Fact]
    public async Task ExecuteAsync_ErrorRateAboveThreshold_StopsTheRun()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = Enumerable.Range(0, 10).Select(i => $"bulk-{i}").ToList();
        await harness.RegisterEachAsync(subjects);

        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        foreach (var subject in subjects.Take(3))
        {
            await harness.SetModeAsync(subject, RegistryMode.ReadOnly);
        }

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, errorRate: 0.2)), CancellationToken.None);

        // Judged from the 5th item on: 3 of 5 failed, above 20 %.
        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(3, result.Failed);
        Assert.Equal(2, result.Applied);
        Assert.Equal(5, result.Items.Count(i => i.Outcome == ItemOutcome.NotRun));
        Assert.Contains("threshold", result.Error, StringComparison.Ordinal);
        Assert.Null(await harness.CompatibilityOfAsync("bulk-9"));
    }

    [Fact]
    public async Task ExecuteAsync_ErrorRateAtThreshold_RunsToTheEnd()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var subjects = Enumerable.Range(0, 10).Select(i => $"bulk-{i}").ToList();
        await harness.RegisterEachAsync(subjects);

        var plan = await harness.CompatibilityPlanAsync(subjects, "FULL");
        await harness.SetModeAsync("bulk-4", RegistryMode.ReadOnly);
        await harness.SetModeAsync("bulk-9", RegistryMode.ReadOnly);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false, errorRate: 0.2)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(8, result.Applied);
        Assert.Equal(2, result.Failed);
        Assert.DoesNotContain(result.Items, i => i.Outcome == ItemOutcome.NotRun);
    }

    private static async Task SeedAsync(SandboxHarness harness)
    {
        await harness.RegisterEachAsync(Subjects);

        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "FORWARD", ["validateFields"] = false });
    }
}
