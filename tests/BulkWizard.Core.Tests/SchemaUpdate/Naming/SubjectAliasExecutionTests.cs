using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

/// <summary>Naming plans run through the real executor against the Sandbox, read afterwards the way clients read.</summary>
public sealed class SubjectAliasExecutionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ExecuteAsync_AliasPlan_ClientsReadTheTargetThroughTheNewName_UndoRemovesExactlyTheAliasConfig()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var ids = await harness.RegisterVersionsAsync("OrdersEvents-value", versions: 2);
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, "OrdersEvents-value"));
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);
        Assert.Equal(404, (await NamingSandbox.LatestAsClientAsync(harness, "orders-events-value")).Status);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(1, result.Applied);
        var stored = await NamingSandbox.OwnConfigAsync(harness, "orders-events-value");
        Assert.Equal("OrdersEvents-value", stored!["alias"]!.GetValue<string>());
        var (status, latest) = await NamingSandbox.LatestAsClientAsync(harness, "orders-events-value");
        Assert.Equal(200, status);
        Assert.Equal("OrdersEvents-value", latest!["subject"]!.GetValue<string>());
        Assert.Equal(ids[1], latest["id"]!.GetValue<int>());
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        var throughGateway = await harness.Gateway.GetVersionAsync(QualifiedSubject.Parse("orders-events-value"), VersionSelector.Latest, includeDeleted: false, None);
        Assert.Equal(ids[1], throughGateway!.Id);

        // The backup holds the alias name as it was: no version, no config.
        var backup = await harness.Backups.LoadAsync(result.BackupId!, None);
        var saved = Assert.Single(backup.Subjects);
        Assert.Equal(("orders-events-value", 0, null), (saved.Subject, saved.Versions.Count, saved.Config));

        var change = plan.Changes.Single();
        Assert.True(PlannedChange.SameState(await change.ReadStateAsync(harness.Gateway, None), change.After));
        await change.UndoAsync(harness.Gateway, saved, None);

        Assert.Null(await NamingSandbox.OwnConfigAsync(harness, "orders-events-value"));
        Assert.Equal(404, (await NamingSandbox.LatestAsClientAsync(harness, "orders-events-value")).Status);
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
    }

    [Fact]
    public async Task ExecuteAsync_AliasPlan_ProducerRegisteringUnderTheAliasAddsAVersionToTheTarget()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("OrdersEvents-value");
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, "OrdersEvents-value"));
        await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);

        var registered = await harness.Gateway.RegisterAsync(
            QualifiedSubject.Parse("orders-events-value"), new RegisterSchemaRequest(SandboxHarness.AvroRecord("R_OrdersEvents_value", 2)), None);

        Assert.Equal(WriteOutcome.Applied, registered.Outcome);
        Assert.Equal([1, 2], await harness.Gateway.ListVersionsAsync(QualifiedSubject.Parse("OrdersEvents-value"), DeletedFilter.IncludeDeleted, None));
    }

    [Fact]
    public async Task ExecuteAsync_NamedContext_WritesThePlainTargetAndTheRegistryResolvesItInTheAliasContext()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var inTeam = await NamingSandbox.RegisterAsync(harness, ":.team:OrdersEvents-value", NamingSandbox.Avro("TeamOrder"));
        // The same name in the default context holds another schema: the alias must not reach it.
        await NamingSandbox.RegisterAsync(harness, "OrdersEvents-value", NamingSandbox.Avro("DefaultOrder"));
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, ":.team:OrdersEvents-value"));
        var change = Assert.IsType<SubjectAliasChange>(Assert.Single(plan.Changes));
        Assert.Equal((":.team:orders-events-value", "OrdersEvents-value"), (change.Subject, change.WrittenTarget));

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        var (status, latest) = await NamingSandbox.LatestAsClientAsync(harness, ":.team:orders-events-value");
        Assert.Equal(200, status);
        Assert.Equal(":.team:OrdersEvents-value", latest!["subject"]!.GetValue<string>());
        Assert.Equal(inTeam, latest["id"]!.GetValue<int>());
        Assert.Contains("TeamOrder", latest["schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_AcrossNamedContexts_WritesTheQualifiedTarget()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var id = await NamingSandbox.RegisterAsync(harness, ":.a:orders-value", NamingSandbox.Avro("Order"));
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.Context(".b"), ":.a:orders-value"));

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        var (_, latest) = await NamingSandbox.LatestAsClientAsync(harness, ":.b:orders-value");
        Assert.Equal((":.a:orders-value", id), (latest!["subject"]!.GetValue<string>(), latest["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ExecuteAsync_AliasNameTakenAfterPlanning_RollsBackTheAliasesAlreadySet()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("AaOrders-value");
        await harness.RegisterVersionsAsync("BbOrders-value");
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, "AaOrders-value", "BbOrders-value"));
        Assert.Equal(2, plan.Changes.Count);
        await harness.PutConfigAsync("bb-orders-value", new JsonObject { ["compatibility"] = "NONE" });

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(rollback: true)), None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.Conflict], result.Items.Select(i => i.Outcome));
        Assert.Null(await NamingSandbox.OwnConfigAsync(harness, "aa-orders-value"));
        Assert.Equal("NONE", await harness.CompatibilityOfAsync("bb-orders-value"));
    }

    [Fact]
    public async Task ApplyAsync_VersionsRegisteredUnderTheNameAfterPlanning_RefusesToHideThem()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("OrdersEvents-value");
        var plan = PlanIdentity.Seal(await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, "OrdersEvents-value"));
        await harness.RegisterVersionsAsync("orders-events-value");

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), None);

        var item = Assert.Single(result.Items);
        Assert.Equal(ItemOutcome.Failed, item.Outcome);
        Assert.Contains("an alias would hide them", item.Message, StringComparison.Ordinal);
        Assert.Null(await NamingSandbox.OwnConfigAsync(harness, "orders-events-value"));
    }
}
