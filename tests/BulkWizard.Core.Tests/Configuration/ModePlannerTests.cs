using System.Text.Json.Nodes;
using BulkWizard.Core.Configuration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Configuration;

/// <summary>Mode plans against the Sandbox: destructive by the effective mode after the change, not by the mode written.</summary>
public sealed class ModePlannerTests
{
    [Fact]
    public async Task InheritOnAContext_UnderAReadOnlyAllContexts_IsDestructive_AndSaysWhy()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync(":.staging:orders-value");
        await harness.SetModeAsync(":.staging:", RegistryMode.ReadWrite);
        await harness.SetModeAsync(":.__GLOBAL:", RegistryMode.ReadOnly);

        var plan = await PlanAsync(harness, "context", ".staging", ConfigurationKeys.Inherit);

        var change = Assert.IsType<ScopeModeChange>(Assert.Single(plan.Changes));
        Assert.Equal((":.staging:", "READWRITE", (string?)null), (change.Subject, change.BeforeMode, change.AfterMode));
        Assert.True(plan.IsDestructive);
        Assert.Contains(plan.Warnings, w => w.Contains(":.staging: (READONLY from all contexts)", StringComparison.Ordinal));
        Assert.Equal([":.staging:orders-value"], change.NewlyBlocked);
    }

    [Fact]
    public async Task InheritOnAllContexts_LeavesEverythingWritable_IsNotDestructive()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value");
        await harness.SetModeAsync(":.__GLOBAL:", RegistryMode.ReadWrite);

        var plan = await PlanAsync(harness, "all_contexts", null, ConfigurationKeys.Inherit);

        var change = Assert.IsType<ScopeModeChange>(Assert.Single(plan.Changes));
        Assert.False(plan.IsDestructive);
        Assert.Equal((":.__GLOBAL:", "READWRITE", (string?)null), (change.Subject, change.BeforeMode, change.AfterMode));
    }

    [Fact]
    public async Task ReadOnlyOnAllContexts_ReachesSubjectsWithoutTheirOwnMode_InEveryContext()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value", "payments-value", ":.staging:orders-value", ":.pinned:orders-value"]);
        await harness.SetModeAsync("payments-value", RegistryMode.ReadWrite);
        await harness.SetModeAsync(":.pinned:", RegistryMode.ReadWrite);

        var plan = await PlanAsync(harness, "all_contexts", null, "READONLY");

        var change = Assert.IsType<ScopeModeChange>(Assert.Single(plan.Changes));
        Assert.True(change.LeavesWritesBlocked);
        Assert.Equal([":.staging:orders-value", "orders-value"], change.NewlyBlocked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubjectsAlreadyAtTheMode_Skipped_OthersPlanned()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value", "payments-value"]);
        await harness.SetModeAsync("payments-value", RegistryMode.ReadOnly);

        var plan = await PlanAsync(harness, "subjects", null, "READONLY", ["orders-value", "payments-value"]);

        Assert.Equal(["orders-value"], plan.Changes.Select(c => c.Subject));
        Assert.Equal([new SkippedSubject("payments-value", "already READONLY")], plan.Skipped);
    }

    private static Task<OperationPlan> PlanAsync(SandboxHarness harness, string scope, string? context, string mode, IReadOnlyList<string>? subjects = null)
    {
        var answers = new JsonObject { ["configuration_type"] = "mode", ["scope"] = scope, ["context"] = context, ["mode"] = mode };
        var request = ConfigurationRequest.Of(answers);
        var selection = subjects is null ? null : new SelectedSubjects("selected", [.. subjects.Select(QualifiedSubject.Parse)], new Dictionary<QualifiedSubject, string>());
        var planning = new ConfigurationPlanning(harness.Gateway, TimeProvider.System, new SelectionOptions(), request, selection, TestPlans.RealRun(), answers, null);
        return ConfigurationTypes.Mode.PlanAsync(planning, CancellationToken.None);
    }
}
