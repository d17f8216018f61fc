using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using Moq;

namespace BulkWizard.Core.Tests.Migration;

/// <summary>Migrations planned and run against two Sandboxes over HTTP: what is copied, in which order, what is refused, and undo.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task ContextMigration_IdsVersionsAndReferencesPreserved_SourceSoftDeletedAfter_RestoreGivesBothSnapshots()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var baseIds = new[]
        {
            await MigrationHarness.RegisterAsync(harness.Source, "base", MigrationHarness.Record("Base", 1)),
            await MigrationHarness.RegisterAsync(harness.Source, "base", MigrationHarness.Record("Base", 2)),
        };
        var userId = await MigrationHarness.RegisterAsync(harness.Source, "user", """{"type":"record","name":"User","fields":[{"name":"b","type":"Base"}]}""", new SchemaReference("Base", "base", 2));
        var before = await RegistrySnapshot.ReadAsync(harness.Source);

        var plan = await harness.PlanAsync(["base", "user"], null, ".prod", MigrationKeys.SoftDelete);

        Assert.Equal([":.prod:", ":.prod:base", ":.prod:user", "user", "base"], plan.Changes.Select(c => c.Subject));
        Assert.Equal([(-2, 0), (0, 0), (1, 0), (2, 0), (3, 0)], plan.Changes.Select(c => c.UndoOrder));
        var run = await harness.RunAsync(plan);
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));

        var copied = await harness.Source.GetVersionAsync(QualifiedSubject.Parse(":.prod:user"), 1, false, CancellationToken.None);
        Assert.Equal((userId, "base", 2), (copied!.Id, copied.References.Single().Subject, copied.References.Single().Version));
        Assert.Equal(baseIds[1], (await harness.Source.GetVersionAsync(QualifiedSubject.Parse(":.prod:base"), 2, false, CancellationToken.None))!.Id);
        Assert.Empty(await harness.Source.ListVersionsAsync(QualifiedSubject.Parse("base"), DeletedFilter.LiveOnly, CancellationToken.None));
        Assert.Null(await harness.Source.GetModeAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(":.prod:base")), CancellationToken.None));

        await harness.RestoreAsync(run.BackupId!);
        // The copies are gone; the context stays listed, as the registry keeps a context until DELETE /contexts.
        var after = await RegistrySnapshot.ReadAsync(harness.Source);
        Assert.Equal([".", ".prod"], after["contexts"]!.AsArray().Select(c => c!.GetValue<string>()));
        after["contexts"] = before["contexts"]!.DeepClone();
        after.Remove("context .prod");
        RegistrySnapshot.AssertSame(before, after);
    }

    [Fact]
    public async Task CrossRegistry_CopiedWithIds_RerunFindsItIdentical_FailureMidRunRollsBackBothRegistries()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "orders", MigrationHarness.Record("Order", 2));
        var paymentsId = await MigrationHarness.RegisterAsync(harness.Source, "payments", MigrationHarness.Record("Payment", 1));
        var sourceBefore = await RegistrySnapshot.ReadAsync(harness.Source);
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);

        var plan = await harness.PlanAsync(["orders", "payments"], "target", ".");
        var failing = new InterceptingGateway(harness.Target)
        {
            BeforeWrite = call => call is { Kind: "register", Target: "payments" } ? throw new HttpRequestException("connection reset") : Task.CompletedTask,
        };
        var provider = new OneGatewayReplaced(harness.Registries, failing);
        var failed = await harness.Executor().ExecuteAsync(plan, harness.Source, harness.Request(dryRun: false) with { Registries = provider }, CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, failed.TaskStatus);
        RegistrySnapshot.AssertSame(sourceBefore, await RegistrySnapshot.ReadAsync(harness.Source));
        RegistrySnapshot.AssertSame(targetBefore, await RegistrySnapshot.ReadAsync(harness.Target));

        var run = await harness.RunAsync(plan);
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        Assert.Equal(paymentsId, (await harness.Target.GetVersionAsync(QualifiedSubject.Parse("payments"), 1, false, CancellationToken.None))!.Id);
        RegistrySnapshot.AssertSame(sourceBefore, await RegistrySnapshot.ReadAsync(harness.Source));

        var again = await harness.PlanAsync(["orders", "payments"], "target", ".");
        Assert.Empty(again.Changes);
        Assert.All(again.Skipped, s => Assert.StartsWith("already in the target", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conflicts_ReportedBeforeAnyWrite_AndReferrersOfALeftOutSubjectLeftOutToo()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "taken-id", MigrationHarness.Record("Taken", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "busy", MigrationHarness.Record("Busy", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "busy-user", """{"type":"record","name":"BusyUser","fields":[{"name":"b","type":"Busy"}]}""", new SchemaReference("Busy", "busy", 1));
        await MigrationHarness.RegisterAsync(harness.Target, "other-subject", MigrationHarness.Record("Squatter", 3));
        await MigrationHarness.RegisterAsync(harness.Target, "busy", MigrationHarness.Record("Elsewhere", 2));
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);

        var plan = await harness.PlanAsync(["taken-id", "busy", "busy-user"], "target", ".");

        Assert.Empty(plan.Changes);
        Assert.Equal(
        [
            "taken-id: schema id 1 of version 1 holds another schema in the target context: ids cannot be preserved there; choose another target_context",
            "busy: target busy version 1 holds another schema (id 2): choose another target",
            "busy-user: version 1 references busy version 1, which is neither migrated nor in the target context .: select it too",
        ], plan.Skipped.Select(s => $"{s.Subject}: {s.Reason}"));
        RegistrySnapshot.AssertSame(targetBefore, await RegistrySnapshot.ReadAsync(harness.Target));
    }

    [Fact]
    public async Task RestoreOfACopy_RemovesReferrersBeforeWhatTheyReference_TargetAsBefore()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "common", MigrationHarness.Record("Common", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "a-user", """{"type":"record","name":"AUser","fields":[{"name":"c","type":"Common"}]}""", new SchemaReference("Common", "common", 1));
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);
        var run = await harness.RunAsync(await harness.PlanAsync(["common", "a-user"], "target", "."));
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));

        await harness.RestoreAsync(run.BackupId!);

        var after = await RegistrySnapshot.ReadAsync(harness.Target);
        Assert.True(JsonNode.DeepEquals(targetBefore, after), after.ToJsonString());
    }

    [Fact]
    public async Task SourceRemoval_OnlyAfterItsOwnCopyApplied_AFailedCopyKeepsItsSource()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "kept", MigrationHarness.Record("Kept", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "moved", MigrationHarness.Record("Moved", 1));
        var plan = await harness.PlanAsync(["kept", "moved"], "target", ".", MigrationKeys.SoftDelete);
        Assert.Equal(["kept", "moved", "kept", "moved"], plan.Changes.Select(c => c.Subject));
        var failing = new InterceptingGateway(harness.Target)
        {
            BeforeWrite = call => call is { Kind: "register", Target: "kept" } ? throw new HttpRequestException("connection reset") : Task.CompletedTask,
        };
        var request = harness.Request(dryRun: false) with { Registries = new OneGatewayReplaced(harness.Registries, failing), Config = TestPlans.RealRun(rollback: false, errorRate: 1) };

        var result = await harness.Executor().ExecuteAsync(plan, harness.Source, request, CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(
            [(":kept", ItemOutcome.Failed), (":moved", ItemOutcome.Applied), ("kept", ItemOutcome.NotRun), ("moved", ItemOutcome.Applied)],
            result.Items.Select(i => ((plan.Changes[i.Index] is SubjectImportChange ? ":" : "") + i.Subject, i.Outcome)));
        Assert.StartsWith("not run: it waits for kept on registry 'target'", result.Items[2].Message, StringComparison.Ordinal);
        Assert.Equal([1], await harness.Source.ListVersionsAsync(QualifiedSubject.Parse("kept"), DeletedFilter.LiveOnly, CancellationToken.None));
        Assert.Empty(await harness.Source.ListVersionsAsync(QualifiedSubject.Parse("moved"), DeletedFilter.LiveOnly, CancellationToken.None));
    }

    [Fact]
    public async Task RuleSets_CopiedAfterTheTargetWasFoundToKeepThem()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var rules = new JsonObject { ["domainRules"] = new JsonArray(new JsonObject { ["name"] = "checkId", ["kind"] = "CONDITION", ["type"] = "CEL", ["mode"] = "WRITE", ["expr"] = "message.f0 != ''" }) };
        (await harness.Source.RegisterAsync(QualifiedSubject.Parse("ruled"), new RegisterSchemaRequest(MigrationHarness.Record("Ruled", 1), RuleSet: rules), CancellationToken.None))
            .GetValueOrThrow("source", "register");

        var plan = await harness.PlanAsync(["ruled"], "target", ".");
        var run = await harness.RunAsync(plan);

        Assert.StartsWith("1 copied version(s) carry rule sets, which a community-edition registry drops without an error", Assert.Single(plan.Warnings, w => w.Contains("rule sets", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal([typeof(RuleSetProbeChange), typeof(SubjectImportChange)], plan.Changes.Select(c => c.GetType()));
        Assert.Equal(new ChangeTarget("target", RuleSetProbeChange.ProbeName), plan.Changes[1].RequiresApplied);
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        var copied = await harness.Target.GetVersionAsync(QualifiedSubject.Parse("ruled"), 1, false, CancellationToken.None);
        Assert.Equal("checkId", copied!.RuleSet!["domainRules"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutIds_TargetNumbersFromOne_ReferencesFollowTheNewNumbers_RestoreEmptiesTheTarget()
    {
        await using var harness = await MigrationHarness.StartAsync();
        for (var fields = 1; fields <= 3; fields++)
        {
            await MigrationHarness.RegisterAsync(harness.Source, "base", MigrationHarness.Record("Base", fields));
        }

        await harness.Source.DeleteVersionAsync(QualifiedSubject.Parse("base"), 1, DeleteKind.Soft, CancellationToken.None);
        await harness.Source.DeleteVersionAsync(QualifiedSubject.Parse("base"), 1, DeleteKind.Permanent, CancellationToken.None);
        await MigrationHarness.RegisterAsync(harness.Source, "user", """{"type":"record","name":"User","fields":[{"name":"b","type":"Base"}]}""", new SchemaReference("Base", "base", 3));
        await MigrationHarness.RegisterAsync(harness.Target, "squatter", MigrationHarness.Record("Squatter", 1));
        var targetBefore = await RegistrySnapshot.ReadAsync(harness.Target);

        var plan = await harness.PlanAsync(["base", "user"], "target", ".", preserveIds: false);
        var run = await harness.RunAsync(plan);

        Assert.Contains(plan.Warnings, w => w.StartsWith("preserve_ids is false: the target assigns new ids", StringComparison.Ordinal));
        Assert.Equal(["base → base on registry 'target': register 2 version(s) with new ids, as version(s) 1, 2", "user → user on registry 'target': register 1 version(s) with new ids, as version(s) 1"],
            plan.Changes.Select(c => c.Describe()));
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        Assert.Equal([1, 2], await harness.Target.ListVersionsAsync(QualifiedSubject.Parse("base"), DeletedFilter.IncludeDeleted, CancellationToken.None));
        var user = await harness.Target.GetVersionAsync(QualifiedSubject.Parse("user"), 1, false, CancellationToken.None);
        Assert.Equal(new SchemaReference("Base", "base", 2), user!.References.Single());
        await harness.RestoreAsync(run.BackupId!);
        RegistrySnapshot.AssertSame(targetBefore, await RegistrySnapshot.ReadAsync(harness.Target));
    }

    [Fact]
    public async Task ActiveProducers_Skip_KeepsThoseSourcesAndTheirCopies_TheOtherSourcesStillGo()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "busy-value", MigrationHarness.Record("Busy", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "quiet-value", MigrationHarness.Record("Quiet", 1));
        var plan = await harness.PlanAsync(["busy-value", "quiet-value"], "target", ".", MigrationKeys.SoftDelete);
        var checker = new Mock<Core.Cleanup.Impact.IConsumerImpactChecker>();
        checker.Setup(c => c.CheckAsync("source", It.IsAny<IReadOnlyList<Core.Cleanup.Impact.ImpactTarget>>(), It.IsAny<Core.Cleanup.Impact.ImpactCheckOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(
            [
                new Core.Cleanup.Impact.SubjectImpact("busy-value", "busy", true, [], [], null, Core.Cleanup.Impact.ImpactVerdict.Affected, "producers wrote to it"),
                new Core.Cleanup.Impact.SubjectImpact("quiet-value", "quiet", false, [], [], null, Core.Cleanup.Impact.ImpactVerdict.NoneSeen, "quiet"),
            ]);
        var operation = new MigrationOperation(new Core.Selection.SelectionOptions(), TimeProvider.System, harness.Registries, checker.Object, new Core.Cleanup.Impact.ImpactCheckOptions(TimeSpan.FromSeconds(1)));

        var question = await operation.ReviewSteps[0].AskAsync(plan, CancellationToken.None);
        var decision = await operation.ReviewSteps[0].DecideAsync(plan, new JsonObject { ["producers_action"] = "skip" }, null, CancellationToken.None);

        Assert.Equal("Active producers detected (1 topics). How should we proceed?", question!.Message);
        Assert.Equal(["busy-value", "quiet-value", "quiet-value"], decision.Plan!.Changes.Select(c => c.Subject));
        Assert.Contains(decision.Plan.Skipped, s => s.Subject == "busy-value" && s.Reason == "source kept: left out: topic busy is still produced to");
    }

    [Fact]
    public async Task ReferencedSubjectNotSelected_TakenAlongWithAWarning_CopiedFirst()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "base", MigrationHarness.Record("Base", 1));
        await MigrationHarness.RegisterAsync(harness.Source, "user", """{"type":"record","name":"User","fields":[{"name":"b","type":"Base"}]}""", new SchemaReference("Base", "base", 1));

        var plan = await harness.PlanAsync(["user"], "target", ".");
        var run = await harness.RunAsync(plan);

        Assert.Contains("1 subject(s) not selected are taken along because selected schemas reference them: base.", plan.Warnings);
        Assert.Equal(["base", "user"], plan.Changes.Select(c => c.Subject));
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, string.Join("; ", run.FirstErrors));
        Assert.NotNull(await harness.Target.GetVersionAsync(QualifiedSubject.Parse("base"), 1, false, CancellationToken.None));
    }

    /// <summary>The configured registries, with one gateway replaced (a registry that fails on cue).</summary>
    private sealed class OneGatewayReplaced(IRegistryGatewayProvider inner, IRegistryGateway replacement) : IRegistryGatewayProvider
    {
        public IReadOnlyList<RegistryOptions> Registries => inner.Registries;

        public RegistryOptions Default => inner.Default;

        public IRegistryGateway Get(string? name) =>
            string.Equals(name, replacement.Registry.Name, StringComparison.OrdinalIgnoreCase) ? replacement : inner.Get(name);
    }
}
