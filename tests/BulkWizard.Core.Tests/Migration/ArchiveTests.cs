using System.Text.Json.Nodes;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Cleanup;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Tests.Migration;

/// <summary>Version archival against the Sandbox: the old versions deleted by cleanup's rules, the run's backup kept as the archive, and its restore.</summary>
public sealed class ArchiveTests
{
    [Fact]
    public async Task KeepLast_OlderVersionsArchivedThenSoftDeleted_ArchiveListedUnderArchives_RestoreGivesTheSnapshotBefore()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 5);
        await harness.RegisterVersionsAsync("payments-value", versions: 1);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var plan = await PlanAsync(harness, ["orders-value", "payments-value"], keepLast: 2, olderThan: null);
        var archiveId = await CleanupHarness.RunAsync(harness, plan);

        Assert.True(plan.KeepsArchive);
        Assert.Equal(OperationTypes.Migration, plan.OperationType);
        Assert.Equal("Archive the versions of orders-value, payments-value older than the newest 2, then soft-delete them", plan.Title);
        Assert.Equal(["orders-value: soft-delete versions 1, 2, 3; keeps versions 4, 5"], plan.Changes.Select(c => c.Describe()));
        Assert.StartsWith("ar_", archiveId, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(harness.Data.ArchivesPath, archiveId, "backup.json")));
        Assert.Equal("archive", (await harness.Backups.ListAsync(CancellationToken.None)).Single(b => b.Id == archiveId).Kind);
        Assert.Equal([4, 5], await CleanupHarness.VersionsAsync(harness, "orders-value", DeletedFilter.LiveOnly));
        await CleanupHarness.RestoreAsync(harness, archiveId);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task OlderThan_OnlyVersionsWrittenBefore_TheNewestLiveVersionStays()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 3);

        var none = await PlanAsync(harness, ["orders-value"], keepLast: null, olderThan: DateTimeOffset.UtcNow.AddDays(-1));
        var all = await PlanAsync(harness, ["orders-value"], keepLast: null, olderThan: DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.Empty(none.Changes);
        Assert.StartsWith("no version outside the newest 1 last written before", none.Skipped.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(["orders-value: soft-delete versions 1, 2; keeps version 3"], all.Changes.Select(c => c.Describe()));
    }

    [Fact]
    public async Task OlderThan_RegistryWithoutWriteTimes_RefusedNamingTheField()
    {
        await using var harness = await SandboxHarness.StartAsync(new Sandbox.SandboxOptions { SeedDemoData = false, Profile = Sandbox.SandboxProfile.Platform76 });
        await harness.RegisterVersionsAsync("orders-value", versions: 2);

        var error = await Assert.ThrowsAsync<WizardInputException>(() => PlanAsync(harness, ["orders-value"], keepLast: null, olderThan: DateTimeOffset.UtcNow));

        Assert.Equal("older_than: registry 'sandbox' reports version 7.6.1; versions carry their write time from 8.0. Use keep_last.", error.Message);
    }

    private static async Task<OperationPlan> PlanAsync(SandboxHarness harness, IReadOnlyList<string> subjects, int? keepLast, DateTimeOffset? olderThan)
    {
        var selected = subjects.Select(QualifiedSubject.Parse).ToList();
        var selection = new SelectedSubjects(string.Join(", ", subjects), selected, new Dictionary<QualifiedSubject, string>());
        return PlanIdentity.Seal(await new ArchivePlanner(harness.Gateway, new SelectionOptions(), TimeProvider.System)
            .PlanAsync(selection, keepLast, olderThan, permanent: false, TestPlans.RealRun(), new JsonObject(), CancellationToken.None));
    }
}
