using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.SchemaUpdate.Metadata.Support;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Metadata;

/// <summary>Undo of a new metadata version: soft then permanent delete of the version created, only while it is still the latest, unchanged.</summary>
public sealed class MetadataUndoTests
{
    private static readonly MetadataEdit OwnerTeamA = new() { SetProperties = new Dictionary<string, string> { ["owner"] = "team-a" } };

    [Fact]
    public async Task Rollback_AfterALaterConflict_DeletesTheCreatedVersionForGood()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterAsync("test-a", MetadataSandbox.Properties(("owner", "x")));
        await harness.RegisterAsync("test-b", MetadataSandbox.Properties(("owner", "x")));
        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(OwnerTeamA), "test-a", "test-b");
        await harness.RegisterAsync("test-b", null, fields: 2);
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.Conflict], result.Items.Select(i => i.Outcome));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Equal(["register version 2 with new metadata"], journal.Entries.OfType<RestoreStepEntry>().Where(s => s.Subject == "test-a").Select(s => s.Step));
        Assert.Equal([(2, false), (2, true)], journal.Entries.OfType<VersionDeletedEntry>().Where(d => d.Subject == "test-a").Select(d => (d.Version, d.Permanent)));
        var created = journal.Entries.OfType<VersionCreatedEntry>().Single(c => c.Subject == "test-a" && c.Version == 2).Id;
        Assert.Null(await harness.Gateway.GetSchemaByIdAsync(created, null, CancellationToken.None));
    }

    [Fact]
    public async Task Rollback_WhenAnotherVersionWasRegisteredAfterOurs_IsAConflictAndDeletesNothing()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterAsync("test-a", MetadataSandbox.Properties(("owner", "x")));
        await harness.RegisterAsync("test-b", MetadataSandbox.Properties(("owner", "x")));
        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(OwnerTeamA), "test-a", "test-b");
        var gateway = new InterceptingGateway(harness.Gateway)
        {
            // Another writer registers on test-a after our version, then test-b's registration fails and the run rolls back.
            BeforeWrite = async call =>
            {
                if (call is { Kind: "register", Target: "test-b" })
                {
                    await harness.RegisterAsync("test-a", null, fields: 2);
                    throw new HttpRequestException("registry unavailable");
                }
            },
        };

        var result = await harness.Executor().ExecuteAsync(plan, gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RollbackFailed, result.TaskStatus);
        Assert.Equal([ItemOutcome.UndoConflict, ItemOutcome.Failed], result.Items.Select(i => i.Outcome));
        Assert.Equal([1, 2, 3], await harness.VersionsAsync("test-a"));
        Assert.Equal("team-a", (await harness.VersionAsync("test-a", 2)).Property("owner"));
        Assert.DoesNotContain(gateway.Events, e => e.Contains("delete_version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UndoAsync_OnItsOwn_RefusesWhenTheCreatedVersionIsNoLongerTheLatest()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterAsync("test-a", MetadataSandbox.Properties(("owner", "x")));
        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(OwnerTeamA), "test-a");
        var change = Assert.IsType<MetadataVersionChange>(Assert.Single(plan.Changes));
        await change.ApplyAsync(harness.Gateway, CancellationToken.None);
        Assert.True(MetadataVersionChange.SameState(await change.ReadStateAsync(harness.Gateway, CancellationToken.None), change.After));
        await harness.RegisterAsync("test-a", null, fields: 2);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => change.UndoAsync(harness.Gateway, null, CancellationToken.None));

        Assert.Contains("version 2 is no longer the latest", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], await harness.VersionsAsync("test-a"));
    }
}
