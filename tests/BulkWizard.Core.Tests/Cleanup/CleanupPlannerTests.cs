using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Tests.Cleanup;

/// <summary>Cleanup plans against the Sandbox over HTTP: what each cleanup deletes, skips and keeps, and in which order.</summary>
public sealed class CleanupPlannerTests
{
    [Fact]
    public async Task SoftCleanup_DeletesLiveVersionsOnly_WholeSubjectOrTheRest()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("test-a", versions: 2);
        await harness.RegisterVersionsAsync("test-b", versions: 2);
        await CleanupHarness.SoftDeleteAsync(harness, "test-b", 1);
        await harness.RegisterVersionsAsync("orders-value");

        var plan = await CleanupHarness.PlanAsync(harness, "test", ["test-a", "test-b", "orders-value"]);

        Assert.True(plan.IsDestructive);
        Assert.Equal("Soft-delete test schemas (test-a, test-b, orders-value)", plan.Title);
        Assert.Equal(
            ["test-a: soft-delete versions 1, 2; no live version left", "test-b: soft-delete version 2; no live version left"],
            plan.Changes.Select(c => c.Describe()));
        Assert.Contains(plan.Warnings, w => w.StartsWith("Soft delete: schema ids keep resolving", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PermanentCleanup_SoftDeletedSubjectsGoStraightToTheSecondStep_IdsRemovedNamed()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var ids = await harness.RegisterVersionsAsync("test-a", versions: 2);
        await harness.RegisterVersionsAsync("test-gone");
        await harness.Gateway.DeleteSubjectAsync(QualifiedSubject.Parse("test-gone"), DeleteKind.Soft, CancellationToken.None);

        var plan = await CleanupHarness.PlanAsync(harness, "test", ["test-a", "test-gone"], permanent: true);

        var changes = plan.Changes.Cast<SubjectCleanupChange>().ToList();
        Assert.Equal([1, 2], changes[0].SoftDelete);
        Assert.Equal([1, 2], changes[0].PermanentDelete);
        Assert.Empty(changes[1].SoftDelete);
        Assert.Equal([1], changes[1].PermanentDelete);
        Assert.Equal(ids, changes[0].IdsRemoved);
        Assert.Equal("test-gone: permanently delete version 1; no live version left", changes[1].Describe());
    }

    [Fact]
    public async Task OldVersions_KeepsTheNewestLiveVersions_PermanentAlsoPurgesSoftDeletedOnes()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 6);
        await CleanupHarness.SoftDeleteAsync(harness, "orders-value", 5);
        await harness.RegisterVersionsAsync("payments-value", versions: 2);

        var soft = await CleanupHarness.PlanAsync(harness, "old_versions", ["orders-value", "payments-value"], keepLast: 3);
        var permanent = await CleanupHarness.PlanAsync(harness, "old_versions", ["orders-value", "payments-value"], permanent: true, keepLast: 3);

        Assert.Equal(["orders-value: soft-delete versions 1, 2; keeps versions 3, 4, 6"], soft.Changes.Select(c => c.Describe()));
        Assert.Equal([new SkippedSubject("payments-value", "2 live version(s), all within the newest 3 kept")], soft.Skipped);
        var purge = (SubjectCleanupChange)permanent.Changes.Single();
        Assert.Equal([1, 2], purge.SoftDelete);
        Assert.Equal([1, 2, 5], purge.PermanentDelete);
    }

    [Fact]
    public async Task References_ReferencedVersionKeptWithItsReferrer_OrSelectedReferrersGoFirst()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("test-base");
        await CleanupHarness.RegisterReferrerAsync(harness, "test-user", "test-base");
        await CleanupHarness.RegisterReferrerAsync(harness, "app-user", "test-base");

        var outsideReferrer = await CleanupHarness.PlanAsync(harness, "test", ["test-base", "test-user"]);
        await harness.Gateway.DeleteSubjectAsync(QualifiedSubject.Parse("app-user"), DeleteKind.Soft, CancellationToken.None);
        var softDeletedReferrer = await CleanupHarness.PlanAsync(harness, "test", ["test-base", "test-user"]);
        var permanentWithSoftDeletedReferrer = await CleanupHarness.PlanAsync(harness, "test", ["test-base", "test-user"], permanent: true);

        Assert.Equal(["test-user"], outsideReferrer.Changes.Select(c => c.Subject));
        Assert.Equal([new SkippedSubject("test-base", "version 1 kept: referenced by app-user version 1")], outsideReferrer.Skipped);
        Assert.Contains(outsideReferrer.Warnings, w => w.StartsWith("1 version(s) kept because schemas outside the cleanup reference them", StringComparison.Ordinal));

        // A soft-deleted referrer does not block a soft delete; referrers go first (lower rank), and come back last.
        Assert.Equal(["test-user", "test-base"], softDeletedReferrer.Changes.Select(c => c.Subject));
        Assert.Equal([(0, 0), (1, 0)], softDeletedReferrer.Changes.Select(c => c.UndoOrder));

        // It does block a permanent delete.
        Assert.Equal(["test-user"], permanentWithSoftDeletedReferrer.Changes.Select(c => c.Subject));
        Assert.Equal([new SkippedSubject("test-base", "version 1 kept: referenced by app-user version 1")], permanentWithSoftDeletedReferrer.Skipped);
    }

    [Fact]
    public async Task SkipsWhatTheRegistryWouldRefuse_ReadOnlyAndImportModes_AliasNames()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["test-ro", "test-import", "test-alias", "test-ok"]);
        await harness.SetModeAsync("test-ro", RegistryMode.ReadOnly);
        await harness.Gateway.SetModeAsync(RegistryScope.ForSubject(QualifiedSubject.Parse("test-import")), RegistryMode.Import, force: true, CancellationToken.None);
        await harness.PutConfigAsync("test-alias", new JsonObject { ["alias"] = "test-ok" });

        var plan = await CleanupHarness.PlanAsync(harness, "test", ["test-ro", "test-import", "test-alias", "test-ok"]);

        Assert.Equal(["test-ok"], plan.Changes.Select(c => c.Subject));
        Assert.Equal(
        [
            new SkippedSubject("test-ro", "mode READONLY (subject): the registry refuses deletes"),
            new SkippedSubject("test-import", "mode IMPORT (subject): the registry refuses deletes"),
            new SkippedSubject("test-alias", "configured as an alias of test-ok: a delete through it would delete test-ok's versions"),
        ], plan.Skipped);
    }

    [Fact]
    public async Task TypeFilter_PatternNarrowsTheTestPrefixes()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["test-a", "orders-value", ":.staging:test-b"]);

        var plan = await CleanupHarness.PlanAsync(harness, "test", ["test-a", "orders-value", ":.staging:test-b"]);

        Assert.Equal(["test-a", ":.staging:test-b"], plan.Changes.Select(c => c.Subject));
        Assert.Contains("1 selected subject(s) are not test schemas and are left alone (e.g. orders-value).", plan.Warnings);
    }

    [Fact]
    public async Task CreateBackupFalse_RefusedWithTheExecutorsMessage()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["test-a"]);
        var selection = new SelectedSubjects("test-a", [QualifiedSubject.Parse("test-a")], new Dictionary<QualifiedSubject, string>());

        var error = await Assert.ThrowsAsync<WizardInputException>(() => new CleanupPlanner(harness.Gateway, new SelectionOptions(), TimeProvider.System)
            .PlanAsync(new CleanupRequest(CleanupTypes.Test, false, null, false), selection, TestPlans.RealRun(backup: false, rollback: false), new JsonObject(), null, CancellationToken.None));

        Assert.Equal(ExecutionRefusals.DestructiveWithoutBackup, error.Message);
    }
}
