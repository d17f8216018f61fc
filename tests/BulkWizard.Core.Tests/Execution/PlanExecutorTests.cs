using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>Compatibility plans run end to end over HTTP against the Sandbox, with the production gateway.</summary>
public sealed class PlanExecutorTests
{
    private static readonly string[] Subjects = ["test-a", "test-b", "test-c", "test-d", "test-e"];

    [Fact]
    public async Task ExecuteAsync_CompatibilityPlan_AppliesEveryChangeWithBackupAndJournal()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(Subjects);

        await harness.PutConfigAsync("test-a", new JsonObject { ["compatibility"] = "NONE", ["normalize"] = true });
        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "FORWARD" });
        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        var progress = new ProgressLog();

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(batchSize: 2, maxParallel: 2, canary: true), progress), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal("success", result.Status);
        Assert.Null(result.Error);
        Assert.Equal(5, result.Applied);
        Assert.All(result.Items, i => Assert.Equal(ItemOutcome.Applied, i.Outcome));
        foreach (var subject in Subjects)
        {
            Assert.Equal("FULL", await harness.CompatibilityOfAsync(subject));
        }

        // Other fields of an existing config body are kept.
        var a = await harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse("test-a")), CancellationToken.None);
        Assert.True(a!.Fields["normalize"]!.GetValue<bool>());

        var backup = await harness.Backups.LoadAsync(result.BackupId!, CancellationToken.None);
        Assert.Equal(plan.Id, backup.PlanId);
        // A restore of this backup runs at the same pace.
        Assert.Equal((2, 2, true), (backup.RunConfig!.BatchSize, backup.RunConfig.MaxParallel, backup.RunConfig.Canary));
        // Entries are written as items run (in parallel), each before its write; they hold only what the change touches.
        Assert.Equal(Subjects, backup.Subjects.Select(s => s.Subject).Order(StringComparer.Ordinal));
        Assert.All(backup.Subjects, s => Assert.Equal(ScopeParts.Config, s.Captured));
        Assert.Equal("NONE", backup.Find("test-a")!.Config!["compatibility"]!.GetValue<string>());
        Assert.Null(backup.Find("test-c")!.Config);

        Assert.Equal(Path.Combine(harness.Backups.GetFolder(result.BackupId!), ExecutionJournal.FileName), result.JournalPath);
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal(plan.Id, journal.Started!.PlanId);
        Assert.Equal("task_test", journal.Started.TaskId);
        Assert.Equal("completed", journal.Completed!.Status);
        Assert.Equal(5, journal.AppliedNotUndone().Count);
        Assert.Equal(5, journal.Entries.OfType<ApplyingEntry>().Count());
        Assert.Empty(journal.InDoubt());
        Assert.False(Directory.Exists(harness.Data.LocksPath) && Directory.EnumerateFiles(harness.Data.LocksPath).Any(), "the lock is released");
        progress.AssertWellFormed(5);
    }

    [Fact]
    public async Task ExecuteAsync_DryRun_ChangesNothingAndReportsConflicts()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(Subjects);

        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        await harness.PutConfigAsync("test-c", new JsonObject { ["compatibility"] = "NONE" });
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var progress = new ProgressLog();

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(), progress, dryRun: true), CancellationToken.None);

        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        Assert.True(result.DryRun);
        Assert.Equal(4, result.WouldApply);
        Assert.Equal(ItemOutcome.Conflict, result.Items[2].Outcome);
        Assert.Contains("NONE", result.Items[2].Message, StringComparison.Ordinal);
        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Null(result.BackupId);
        Assert.Null(result.JournalPath);
        Assert.False(Directory.Exists(harness.Data.Root), "a dry run writes no backup, journal or lock");
        progress.AssertWellFormed(5);
    }

    [Fact]
    public async Task ExecuteAsync_SubjectChangedSincePlan_WithoutRollback_LeavesItAsConflict()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(Subjects);

        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "NONE" });

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: false)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(ItemOutcome.Conflict, result.Items[1].Outcome);
        Assert.Equal(4, result.Applied);
        Assert.Equal("NONE", await harness.CompatibilityOfAsync("test-b"));
        Assert.Equal("FULL", await harness.CompatibilityOfAsync("test-c"));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Single(journal.Entries.OfType<ConflictEntry>());
        Assert.Equal("failed", journal.Completed!.Status);
    }

    [Fact]
    public async Task ExecuteAsync_SubjectChangedSincePlan_WithRollback_UndoesTheAppliedOnes()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(Subjects);

        var plan = await harness.CompatibilityPlanAsync(Subjects, "FULL");
        await harness.PutConfigAsync("test-c", new JsonObject { ["compatibility"] = "NONE" });
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.Undone, ItemOutcome.Conflict, ItemOutcome.NotRun, ItemOutcome.NotRun], result.Items.Select(i => i.Outcome));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }
}
