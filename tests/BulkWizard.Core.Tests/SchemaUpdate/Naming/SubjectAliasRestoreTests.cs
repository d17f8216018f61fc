using BulkWizard.Core.Execution;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

/// <summary>Putting back the backup of an alias run: the alias goes, the target's versions (read through it) stay.</summary>
public sealed class SubjectAliasRestoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RestoreBackup_AfterAliasRun_RemovesTheAliasAndKeepsTheTarget()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("OrdersEvents-value", versions: 2);
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, "OrdersEvents-value"));
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        var run = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);
        var backup = await harness.Backups.LoadAsync(run.BackupId!, None);

        var restore = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), None));
        var result = await harness.Executor().ExecuteAsync(restore, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);

        // The alias name's versions are read as none of its own (the registry would answer with the target's).
        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal([ItemOutcome.Applied], result.Items.Select(i => i.Outcome));
        Assert.Null(await NamingSandbox.OwnConfigAsync(harness, "orders-events-value"));
        Assert.Equal([1, 2], await harness.Gateway.ListVersionsAsync(QualifiedSubject.Parse("OrdersEvents-value"), DeletedFilter.IncludeDeleted, None));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }
}
