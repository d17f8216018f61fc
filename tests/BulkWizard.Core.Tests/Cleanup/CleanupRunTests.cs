using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Cleanup;

/// <summary>Cleanups run through the executor against the Sandbox: the registry after them, after their rollback, and after a restore of their backup.</summary>
public sealed class CleanupRunTests
{
    [Fact]
    public async Task SoftCleanup_ThenRestore_GivesTheSnapshotBefore()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("test-a", versions: 3);
        await harness.RegisterVersionsAsync("test-b", versions: 2);
        await CleanupHarness.SoftDeleteAsync(harness, "test-b", 1);
        await harness.PutConfigAsync("test-a", new JsonObject { ["compatibility"] = "FULL" });
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var backupId = await CleanupHarness.RunAsync(harness, await CleanupHarness.PlanAsync(harness, "test", ["test-a", "test-b"]));

        Assert.Empty(await CleanupHarness.VersionsAsync(harness, "test-a", DeletedFilter.LiveOnly));
        Assert.Equal([1, 2, 3], await CleanupHarness.VersionsAsync(harness, "test-a", DeletedFilter.IncludeDeleted));
        Assert.Equal("FULL", await harness.CompatibilityOfAsync("test-a"));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task PermanentCleanup_OfLiveAndSoftDeletedSubjects_LeavesNothing_RestoreBringsBackIdsVersionsConfigAndMode()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("test-live", versions: 2);
        await harness.RegisterVersionsAsync("test-soft", versions: 2);
        await harness.Gateway.DeleteSubjectAsync(QualifiedSubject.Parse("test-soft"), DeleteKind.Soft, CancellationToken.None);
        await harness.PutConfigAsync("test-live", new JsonObject { ["compatibility"] = "NONE" });
        await harness.SetModeAsync("test-live", RegistryMode.ReadWrite);
        await harness.RegisterVersionsAsync("orders-value");
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var backupId = await CleanupHarness.RunAsync(harness, await CleanupHarness.PlanAsync(harness, "test", ["test-live", "test-soft"], permanent: true), maxParallel: 2);

        var left = await harness.Gateway.ListSubjectsAsync(new SubjectQuery(":*:", DeletedFilter.IncludeDeleted), CancellationToken.None);
        Assert.Equal(["orders-value"], left.Select(s => s.ToString()));
        Assert.Null(await harness.CompatibilityOfAsync("test-live"));
        Assert.Null(await harness.ModeOfAsync("test-live"));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task PurgeToTheLastVersions_ThenRestore_GivesTheSnapshotBefore()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 6);
        await CleanupHarness.SoftDeleteAsync(harness, "orders-value", 2);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var backupId = await CleanupHarness.RunAsync(harness, await CleanupHarness.PlanAsync(harness, "old_versions", ["orders-value"], permanent: true, keepLast: 3));

        Assert.Equal([4, 5, 6], await CleanupHarness.VersionsAsync(harness, "orders-value", DeletedFilter.IncludeDeleted));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task ReferrersDeletedFirst_RestoredLast_PermanentlyAndBack()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("test-base");
        await CleanupHarness.RegisterReferrerAsync(harness, "test-mid", "test-base");
        await CleanupHarness.RegisterReferrerAsync(harness, "test-top", "test-mid", "Uses_test_mid");
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var plan = await CleanupHarness.PlanAsync(harness, "test", ["test-base", "test-mid", "test-top"], permanent: true);
        Assert.Equal(["test-top", "test-mid", "test-base"], plan.Changes.Select(c => c.Subject));

        var backupId = await CleanupHarness.RunAsync(harness, plan, maxParallel: 3);

        Assert.Empty(await harness.Gateway.ListSubjectsAsync(new SubjectQuery(":*:", DeletedFilter.IncludeDeleted), CancellationToken.None));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task FailureMidCleanup_RollsBackEveryAppliedDelete_ReferencedFirst()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("test-base", versions: 2);
        await CleanupHarness.RegisterReferrerAsync(harness, "test-user", "test-base");
        await harness.RegisterVersionsAsync("test-z", versions: 2);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var plan = await CleanupHarness.PlanAsync(harness, "test", ["test-base", "test-user", "test-z"], permanent: true);
        var gateway = new InterceptingGateway(harness.Gateway)
        {
            BeforeWrite = call => call is { Kind: "delete_subject", Target: "test-z" } ? throw new HttpRequestException("connection reset") : Task.CompletedTask,
        };

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Contains(result.FirstErrors, e => e.Contains("connection reset", StringComparison.Ordinal));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task RemoveEmptyContext_RemovesTheContextLast_RestoreListsItAgain()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync([":.tmp:test-a", ":.tmp:test-b", ":.keep:test-c", ":.keep:orders"]);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var plan = await CleanupHarness.PlanAsync(harness, "test", [":.tmp:test-a", ":.tmp:test-b", ":.keep:test-c"], permanent: true, removeEmptyContext: true);
        Assert.Equal([":.tmp:test-a", ":.tmp:test-b", ":.keep:test-c", ":.tmp:"], plan.Changes.Select(c => c.Subject));
        Assert.Contains("Context .keep is not removed: 1 subject(s) in it keep versions.", plan.Warnings);

        var backupId = await CleanupHarness.RunAsync(harness, plan, maxParallel: 4);

        Assert.DoesNotContain(".tmp", await harness.Gateway.ListContextsAsync(CancellationToken.None));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task AliasesOfRemovedSubjects_ReportedOrRemovedInTheSamePlan_RestoredWithTheSubject()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["test-a", "test-b"]);
        await harness.PutConfigAsync("legacy-a", new JsonObject { ["alias"] = "test-a" });
        await harness.PutConfigAsync("legacy-b", new JsonObject { ["alias"] = "test-b" });
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var reported = await CleanupHarness.PlanAsync(harness, "test", ["test-a", "test-b"], permanent: true);
        var removing = await CleanupHarness.PlanAsync(harness, "test", ["test-a", "test-b"], permanent: true, removeDanglingAliases: true);

        Assert.Contains("2 alias(es) would point at nothing after this cleanup: legacy-a → test-a, legacy-b → test-b. remove_dangling_aliases: true removes them in the same plan.", reported.Warnings);
        Assert.Equal(["test-a", "test-b", "legacy-a", "legacy-b"], removing.Changes.Select(c => c.Subject));
        var backupId = await CleanupHarness.RunAsync(harness, removing, maxParallel: 4);
        Assert.Null(await harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse("legacy-a")), CancellationToken.None));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        var alias = await harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse("legacy-a")), CancellationToken.None);
        Assert.Equal("test-a", alias?.Fields["alias"]?.GetValue<string>());
    }

    [Fact]
    public async Task Registry76_ListingWithoutDeletedFlags_PermanentPurgeAndRestore_WarnsWhatItCannotDo()
    {
        await using var harness = await SandboxHarness.StartAsync(new Sandbox.SandboxOptions { SeedDemoData = false, Profile = Sandbox.SandboxProfile.Platform76 });
        await harness.RegisterVersionsAsync("orders-value", versions: 5);
        await CleanupHarness.SoftDeleteAsync(harness, "orders-value", 4);
        await harness.RegisterEachAsync([":.tmp:test-a"]);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var purge = await CleanupHarness.PlanAsync(harness, "old_versions", ["orders-value"], permanent: true, keepLast: 2);
        var context = await CleanupHarness.PlanAsync(harness, "test", [":.tmp:test-a"], permanent: true, removeEmptyContext: true);

        var change = (SubjectCleanupChange)purge.Changes.Single();
        Assert.Equal([1, 2], change.SoftDelete);
        Assert.Equal([1, 2, 4], change.PermanentDelete);
        Assert.Contains(purge.Warnings, w => w.StartsWith("Registry 'sandbox' reports version 7.6.1: listing aliases needs 7.6.3 or later", StringComparison.Ordinal));
        Assert.Equal([":.tmp:test-a"], context.Changes.Select(c => c.Subject));
        Assert.Contains("Registry 'sandbox' reports version 7.6.1: removing a context needs 8.0.1 or later; no context is removed.", context.Warnings);
        var backupId = await CleanupHarness.RunAsync(harness, purge);
        Assert.Equal([3, 5], await CleanupHarness.VersionsAsync(harness, "orders-value", DeletedFilter.IncludeDeleted));
        await CleanupHarness.RestoreAsync(harness, backupId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }
}
