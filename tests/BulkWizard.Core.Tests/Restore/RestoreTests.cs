using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Restore;

/// <summary>Restoring backups through the executor, against the Sandbox over HTTP.</summary>
public sealed class RestoreTests
{
    private static readonly string[] Subjects = ["test-a", "test-b", "test-c", "test-d"];

    [Fact]
    public async Task RestoreBackup_AfterCompatibilityRun_GivesTheStateBefore()
    {
        await using var harness = await SandboxHarness.StartAsync();
        foreach (var subject in Subjects)
        {
            await harness.RegisterVersionsAsync(subject, versions: 2);
        }

        await harness.PutConfigAsync("test-a", new JsonObject { ["compatibility"] = "NONE", ["normalize"] = true });
        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "FORWARD" });
        await harness.SetModeAsync("test-c", RegistryMode.ReadWrite);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var run = await harness.Executor().ExecuteAsync(
            await harness.CompatibilityPlanAsync(Subjects, "FULL"), harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);
        Assert.Equal(BulkTaskStatus.Completed, run.TaskStatus);
        var backup = await harness.Backups.LoadAsync(run.BackupId!, CancellationToken.None);

        var plan = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));

        Assert.Equal(RestorePlanner.OperationType, plan.OperationType);
        Assert.Equal($"Restore backup {backup.Id}", plan.Title);
        Assert.True(plan.IsDestructive);
        Assert.Equal(Subjects, plan.Changes.Select(c => c.Subject));
        Assert.Contains("config {\"compatibility\":\"FULL\"} → (none)", plan.Changes[2].Describe(), StringComparison.Ordinal);
        var dryRun = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(), dryRun: true), CancellationToken.None);
        Assert.Equal(4, dryRun.WouldApply);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(4, result.Applied);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        var again = await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None);
        Assert.Empty(again.Changes);
        Assert.All(again.Skipped, s => Assert.Equal("already as in the backup", s.Reason));
    }

    [Fact]
    public async Task RestoreBackup_VersionsDeletedSinceTheBackup_ComeBackWithTheirIdsAndVersions()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var orders = QualifiedSubject.Parse("orders-value");
        var ids = await harness.RegisterVersionsAsync("orders-value", versions: 4);
        await harness.RegisterVersionsAsync("payments-value");
        await harness.Gateway.DeleteVersionAsync(orders, 4, DeleteKind.Soft, CancellationToken.None);
        await harness.PutConfigAsync("orders-value", new JsonObject { ["compatibility"] = "FULL_TRANSITIVE" });
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        Assert.Equal(4, before["subject orders-value"]!["versions"]!.AsArray().Count);
        Assert.True(before["subject orders-value"]!["versions"]![3]!["deleted"]!.GetValue<bool>());
        var backup = await SaveBackupAsync(harness, "orders-value", "payments-value");

        // Since the backup: v4 (soft-deleted) is purged, v3 soft-deleted, v2 hard-deleted, the config changed.
        await harness.Gateway.DeleteVersionAsync(orders, 4, DeleteKind.Permanent, CancellationToken.None);
        await harness.Gateway.DeleteVersionAsync(orders, 3, DeleteKind.Soft, CancellationToken.None);
        await harness.Gateway.DeleteVersionAsync(orders, 2, DeleteKind.Soft, CancellationToken.None);
        await harness.Gateway.DeleteVersionAsync(orders, 2, DeleteKind.Permanent, CancellationToken.None);
        await harness.PutConfigAsync("orders-value", new JsonObject { ["compatibility"] = "NONE" });
        var plan = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));

        Assert.Equal(["orders-value"], plan.Changes.Select(c => c.Subject));
        Assert.Equal([new SkippedSubject("payments-value", "already as in the backup")], plan.Skipped);
        Assert.Contains(plan.Warnings, w => w.Contains("IMPORT", StringComparison.Ordinal));
        Assert.Contains($"re-register version(s) 2 (id {ids[1]}), 3 (id {ids[2]}), 4 (id {ids[3]}) in IMPORT mode", plan.Changes[0].Describe(), StringComparison.Ordinal);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        var version2 = await harness.Gateway.GetVersionAsync(orders, 2, includeDeleted: false, CancellationToken.None);
        Assert.Equal(ids[1], version2!.Id);
        Assert.Null(await harness.ModeOfAsync("orders-value"));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal(
            ["mode IMPORT (force)", $"register version 2 id {ids[1]}", $"register version 3 id {ids[2]}", $"register version 4 id {ids[3]}", "restore config", "restore mode"],
            journal.Entries.OfType<RestoreStepEntry>().Select(e => e.Step));
        Assert.Equal([(2, ids[1]), (3, ids[2]), (4, ids[3])], journal.Entries.OfType<VersionCreatedEntry>().Select(c => (c.Version, c.Id)));
        Assert.Equal([(4, false)], journal.Entries.OfType<VersionDeletedEntry>().Select(d => (d.Version, d.Permanent)));
    }

    [Fact]
    public async Task RestorePlanner_VersionNumberNowHeldByAnotherSchema_SkipsTheSubject()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var orders = QualifiedSubject.Parse("orders-value");
        var ids = await harness.RegisterVersionsAsync("orders-value", versions: 2);
        var backup = await SaveBackupAsync(harness, "orders-value");
        await harness.Gateway.DeleteVersionAsync(orders, 2, DeleteKind.Soft, CancellationToken.None);
        await harness.Gateway.DeleteVersionAsync(orders, 2, DeleteKind.Permanent, CancellationToken.None);
        var scope = RegistryScope.ForSubject(orders);
        await harness.Gateway.SetModeAsync(scope, RegistryMode.Import, force: true, CancellationToken.None);
        await harness.Gateway.RegisterAsync(orders, new RegisterSchemaRequest(SandboxHarness.AvroRecord("Other"), Id: 500, Version: 2), CancellationToken.None);
        await harness.Gateway.DeleteModeAsync(scope, CancellationToken.None);

        var plan = await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None);

        Assert.Empty(plan.Changes);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Contains($"version 2 now holds schema id 500, the backup has id {ids[1]}", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoreBackup_FailingHalfWay_PutsTheModeBackAndUndoesTheRestoredSubject()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("a-value", versions: 2);
        await harness.RegisterVersionsAsync("b-value", versions: 2);
        var backup = await SaveBackupAsync(harness, "a-value", "b-value");
        foreach (var subject in new[] { "a-value", "b-value" })
        {
            await harness.Gateway.DeleteVersionAsync(QualifiedSubject.Parse(subject), 2, DeleteKind.Soft, CancellationToken.None);
            await harness.Gateway.DeleteVersionAsync(QualifiedSubject.Parse(subject), 2, DeleteKind.Permanent, CancellationToken.None);
        }

        var beforeRestore = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var plan = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));
        var gateway = new InterceptingGateway(harness.Gateway)
        {
            BeforeWrite = call => call is { Kind: "register", Target: "b-value" }
                ? throw new HttpRequestException("connection reset")
                : Task.CompletedTask,
        };

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.Failed], result.Items.Select(i => i.Outcome));
        Assert.Contains("connection reset", result.Items[1].Message, StringComparison.Ordinal);
        // b-value was switched to IMPORT before the failing registration; the executor put its mode back (none).
        Assert.Null(await harness.ModeOfAsync("b-value"));
        // a-value's restored version 2 was taken away again by the rollback.
        RegistrySnapshot.AssertSame(beforeRestore, await RegistrySnapshot.ReadAsync(harness.Gateway));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Contains(journal.Entries.OfType<RestoreStepEntry>(), e => e.Subject == "b-value" && e.Step.StartsWith("put back mode", StringComparison.Ordinal));
        Assert.Contains(journal.Entries.OfType<VersionDeletedEntry>(), e => e is { Subject: "a-value", Version: 2, Permanent: true });
    }

    [Fact]
    public async Task RestorePlan_RoundTripsThroughPlanJson()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 2);
        var backup = await SaveBackupAsync(harness, "orders-value");
        await harness.Gateway.DeleteVersionAsync(QualifiedSubject.Parse("orders-value"), 2, DeleteKind.Soft, CancellationToken.None);
        var plan = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));

        var json = PlanJson.Serialize(plan);
        var read = PlanJson.Deserialize(json);

        Assert.Contains("\"kind\":\"subject_restore\"", json, StringComparison.Ordinal);
        var change = Assert.IsType<SubjectRestoreChange>(Assert.Single(read.Changes));
        Assert.True(PlannedChange.SameState(plan.Changes[0].Before, change.Before));
        Assert.True(PlannedChange.SameState(plan.Changes[0].After, change.After));
        Assert.Equal(plan.Changes[0].Describe(), change.Describe());
        Assert.Equal(plan.Hash, PlanJson.HashOf(read));
    }

    private static async Task<Backup> SaveBackupAsync(SandboxHarness harness, params string[] subjects)
    {
        var entries = new List<SubjectBackup>();
        foreach (var subject in subjects)
        {
            entries.Add(await ScopeStateReader.ReadAsync(harness.Gateway, RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), ScopeParts.All, CancellationToken.None));
        }

        var backup = new Backup(BackupId.New(TimeProvider.System), harness.Gateway.Registry.Name, "plan_manual", "manual", DateTimeOffset.UtcNow, entries);
        await harness.Backups.SaveAsync(backup, CancellationToken.None);
        return await harness.Backups.LoadAsync(backup.Id, CancellationToken.None);
    }
}
