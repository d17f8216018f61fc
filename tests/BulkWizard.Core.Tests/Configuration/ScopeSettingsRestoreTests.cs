using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Configuration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Configuration;

/// <summary>
/// Backups and restores of the settings above subjects, against the Sandbox over HTTP: a context's, the default context's
/// and every context's (<c>:.__GLOBAL:</c>) own mode and config, with "unset" backed up as unset and put back as unset.
/// </summary>
public sealed class ScopeSettingsRestoreTests
{
    private static readonly RegistryScope Staging = RegistryScope.ForContext(".staging");

    [Fact]
    public async Task ModesOfContextDefaultAndAllContexts_BackedUpAsOwnModes_RestoredExactly_UnsetStaysUnset()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync(":.staging:orders-value");
        await harness.SetModeAsync(":.__GLOBAL:", RegistryMode.ReadWrite);
        var before = await SnapshotAsync(harness);
        var plan = TestPlans.Of(SandboxHarness.RegistryName,
        [
            new ScopeModeChange(":.staging:", null, "READONLY", Force: true, LeavesWritesBlocked: true),
            new ScopeModeChange("", "READWRITE", "READONLY", Force: true, LeavesWritesBlocked: true),
            new ScopeModeChange(":.__GLOBAL:", "READWRITE", null, Force: true, LeavesWritesBlocked: false),
        ], "configuration");

        var run = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, run.TaskStatus);
        Assert.Equal("READONLY", (await harness.Gateway.GetModeAsync(Staging, CancellationToken.None))?.Name);
        Assert.Null(await harness.Gateway.GetModeAsync(ConfigurationScopes.AllContexts, CancellationToken.None));
        var backup = await harness.Backups.LoadAsync(run.BackupId!, CancellationToken.None);
        Assert.Equal(
            [(":.staging:", (string?)null, ScopeParts.Mode), ("", "READWRITE", ScopeParts.Mode), (":.__GLOBAL:", "READWRITE", ScopeParts.Mode)],
            backup.Subjects.Select(s => (s.Subject, s.Mode, s.Captured)));

        var restore = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));
        var restored = await harness.Executor().ExecuteAsync(restore, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.True(restore.IsDestructive);
        Assert.Equal(BulkTaskStatus.Completed, restored.TaskStatus);
        Assert.Equal(3, restored.Applied);
        RegistrySnapshot.AssertSame(before, await SnapshotAsync(harness));
        Assert.Null(await harness.Gateway.GetModeAsync(Staging, CancellationToken.None));
    }

    [Fact]
    public async Task ConfigsOfContextDefaultAndAllContexts_RestoredExactly_ANewConfigIsRemoved()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync(":.staging:orders-value");
        await harness.PutConfigAsync(":.__GLOBAL:", new JsonObject { ["compatibility"] = "FULL", ["normalize"] = true });
        var before = await SnapshotAsync(harness);
        var global = (await harness.Gateway.GetConfigAsync(RegistryScope.Global, CancellationToken.None))!.Fields;
        var all = (await harness.Gateway.GetConfigAsync(ConfigurationScopes.AllContexts, CancellationToken.None))!.Fields;
        var metadata = new JsonObject { ["properties"] = new JsonObject { ["owner"] = "team-a" } };
        var plan = TestPlans.Of(SandboxHarness.RegistryName,
        [
            new SubjectConfigChange(":.staging:", null, new JsonObject { ["compatibility"] = "BACKWARD", ["defaultMetadata"] = metadata.DeepClone() }, "none", "owner"),
            new SubjectConfigChange("", global, With(global, metadata), "global", "owner"),
            new SubjectConfigChange(":.__GLOBAL:", all, With(all, metadata), "all", "owner"),
        ], "configuration");

        var run = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);
        var backup = await harness.Backups.LoadAsync(run.BackupId!, CancellationToken.None);
        var restore = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));
        var restored = await harness.Executor().ExecuteAsync(restore, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, run.TaskStatus);
        Assert.Null(backup.Find(":.staging:")!.Config);
        Assert.Equal(BulkTaskStatus.Completed, restored.TaskStatus);
        RegistrySnapshot.AssertSame(before, await SnapshotAsync(harness));
        Assert.Null(await harness.Gateway.GetConfigAsync(Staging, CancellationToken.None));
    }

    [Fact]
    public async Task ScopeModeChange_Undo_PutsBackUnset_WhenALaterItemFails()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync(":.staging:orders-value");
        var plan = TestPlans.Of(SandboxHarness.RegistryName,
        [
            new ScopeModeChange(":.staging:", null, "IMPORT", Force: true, LeavesWritesBlocked: true),

            // Expects a mode the context does not have: a conflict, which stops the run and rolls back.
            new ScopeModeChange(":.other:", "READONLY", "READWRITE", Force: true, LeavesWritesBlocked: false),
        ], "configuration");

        var run = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: true)), CancellationToken.None);

        Assert.Equal(1, run.Undone);
        Assert.Null(await harness.Gateway.GetModeAsync(Staging, CancellationToken.None));
    }

    private static JsonObject With(JsonObject config, JsonObject metadata)
    {
        var copy = (JsonObject)config.DeepClone();
        copy["defaultMetadata"] = metadata.DeepClone();
        return copy;
    }

    /// <summary>The shared snapshot plus the all-contexts settings, which it does not read.</summary>
    private static async Task<JsonObject> SnapshotAsync(SandboxHarness harness)
    {
        var snapshot = await RegistrySnapshot.ReadAsync(harness.Gateway);
        snapshot["all contexts"] = new JsonObject
        {
            ["config"] = (await harness.Gateway.GetConfigAsync(ConfigurationScopes.AllContexts, CancellationToken.None))?.Fields,
            ["mode"] = (await harness.Gateway.GetModeAsync(ConfigurationScopes.AllContexts, CancellationToken.None))?.Name,
        };
        return snapshot;
    }
}
