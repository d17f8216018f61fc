using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Migration;

/// <summary>
/// The migration's options and target checks against two Sandboxes over HTTP: which versions are copied
/// (all_versions, include_deleted), a target_prefix followed by references, and target subjects that cannot take a copy.
/// </summary>
public sealed class MigrationOptionsTests
{
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders");

    [Fact]
    public async Task TargetSubjectWithOtherLiveVersions_ConflictInThePlan_NothingWritten()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 1));
        await MigrationHarness.RegisterAsync(harness.Target, "orders", MigrationHarness.Record("Order", 1));
        await MigrationHarness.RegisterAsync(harness.Target, "orders", MigrationHarness.Record("Order", 2));
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);

        var plan = await harness.PlanAsync(["orders"], "target", ".");

        Assert.Empty(plan.Changes);
        Assert.Equal(["orders: target orders has other live versions (2): choose another target_context or a target_prefix"], plan.Skipped.Select(s => $"{s.Subject}: {s.Reason}"));
        RegistrySnapshot.AssertSame(targetBefore, await RegistrySnapshot.ReadAsync(harness.Target));
    }

    [Fact]
    public async Task TargetSubjectWithOnlySoftDeletedVersions_ConflictInThePlan_NothingWritten()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 1));
        await MigrationHarness.RegisterAsync(harness.Target, "orders", MigrationHarness.Record("Order", 1));
        await harness.Target.DeleteVersionAsync(Orders, 1, DeleteKind.Soft, CancellationToken.None);
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);

        var plan = await harness.PlanAsync(["orders"], "target", ".");

        Assert.Empty(plan.Changes);
        Assert.Equal(
            ["orders: target orders has only soft-deleted versions (1): delete them permanently first, or choose another target"],
            plan.Skipped.Select(s => $"{s.Subject}: {s.Reason}"));
        RegistrySnapshot.AssertSame(targetBefore, await RegistrySnapshot.ReadAsync(harness.Target));
    }

    [Fact]
    public async Task AllVersionsFalse_CopiesTheLatestLiveVersionOnly_WithItsIdAndNumber()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var ids = new List<int>();
        for (var fields = 1; fields <= 3; fields++)
        {
            ids.Add(await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", fields)));
        }

        await harness.Source.DeleteVersionAsync(Orders, 3, DeleteKind.Soft, CancellationToken.None);

        var run = await harness.RunAsync(await harness.PlanAsync(["orders"], "target", ".", allVersions: false));

        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        Assert.Equal([2], await harness.Target.ListVersionsAsync(Orders, DeletedFilter.IncludeDeleted, CancellationToken.None));
        Assert.Equal(ids[1], (await harness.Target.GetVersionAsync(Orders, 2, false, CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task IncludeDeleted_CopiesSoftDeletedVersionsSoftDeleted_WithTheirIds()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var first = await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 2));
        await harness.Source.DeleteVersionAsync(Orders, 1, DeleteKind.Soft, CancellationToken.None);

        var without = await harness.PlanAsync(["orders"], "target", ".");
        var run = await harness.RunAsync(await harness.PlanAsync(["orders"], "target", ".", includeDeleted: true));

        Assert.Equal("orders → orders on registry 'target': import version(s) 2 (id 2)", without.Changes.Single().Describe().Split(';')[0]);
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        Assert.Equal([2], await harness.Target.ListVersionsAsync(Orders, DeletedFilter.LiveOnly, CancellationToken.None));
        var deleted = await harness.Target.GetVersionAsync(Orders, 1, true, CancellationToken.None);
        Assert.Equal((first, true), (deleted!.Id, deleted.Deleted));
    }

    [Fact]
    public async Task TargetPrefix_RenamesTheSubjects_AndAReferenceToARenamedSubjectFollows()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "base", MigrationHarness.Record("Base", 1));
        var userId = await MigrationHarness.RegisterAsync(harness.Source, "user", """{"type":"record","name":"User","fields":[{"name":"b","type":"Base"}]}""", new SchemaReference("Base", "base", 1));

        var plan = await harness.PlanAsync(["base", "user"], "target", ".", prefix: "dr-");
        var run = await harness.RunAsync(plan);

        Assert.Equal(["dr-base", "dr-user"], plan.Changes.Select(c => c.Subject));
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        var user = await harness.Target.GetVersionAsync(QualifiedSubject.Parse("dr-user"), 1, false, CancellationToken.None);
        Assert.Equal((userId, new SchemaReference("Base", "dr-base", 1)), (user!.Id, user.References.Single()));
        Assert.Null(await harness.Target.GetVersionAsync(QualifiedSubject.Parse("user"), 1, false, CancellationToken.None));
    }
}
