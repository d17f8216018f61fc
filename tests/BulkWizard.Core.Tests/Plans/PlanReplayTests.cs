using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Plans;

/// <summary>A plan's answers planned again: the same plan while the registry is unchanged, another one once it changed.</summary>
public sealed class PlanReplayTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Replay_RegistryUnchanged_LaterInTime_MatchesTheConfirmedPlan()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value", "orders-key"]);
        var replay = Replay(harness);
        var confirmed = await replay.PlanAsync(SandboxHarness.RegistryName, CompatibilityAnswers("orders-*", "FULL"), TestPlans.RealRun(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3));

        var result = await replay.ReplayAsync(confirmed, CancellationToken.None);

        Assert.True(result.Matches);
        Assert.Null(result.Problem);
        Assert.NotEqual(confirmed.Id, result.Replanned!.Id);
        Assert.Equal(confirmed.CreatedAt.AddDays(3), result.Replanned.CreatedAt);
        Assert.Equal(confirmed.Changes.Select(c => c.Describe()), result.Replanned.Changes.Select(c => c.Describe()));
    }

    [Fact]
    public async Task Replay_AnswerNoStepAsks_IsKept_SoThePlanStillMatches()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value"]);
        var replay = Replay(harness);
        var answers = CompatibilityAnswers("orders-*", "FULL");
        answers["include_deleted"] = false;
        var confirmed = await replay.PlanAsync(SandboxHarness.RegistryName, answers, TestPlans.RealRun(), CancellationToken.None);

        var result = await replay.ReplayAsync(confirmed, CancellationToken.None);

        Assert.Equal(false, confirmed.Answers["include_deleted"]?.GetValue<bool>());
        Assert.True(result.Matches);
    }

    [Fact]
    public async Task Replay_SubjectAddedSinceConfirmation_DoesNotMatch_AndTheNewPlanHasIt()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value"]);
        var replay = Replay(harness);
        var confirmed = await replay.PlanAsync(SandboxHarness.RegistryName, CompatibilityAnswers("orders-*", "FULL"), TestPlans.RealRun(), CancellationToken.None);
        await harness.RegisterEachAsync(["orders-key"]);

        var result = await replay.ReplayAsync(confirmed, CancellationToken.None);

        Assert.False(result.Matches);
        Assert.Equal(["orders-value"], confirmed.Changes.Select(c => c.Subject));
        Assert.Equal(["orders-key", "orders-value"], result.Replanned!.Changes.Select(c => c.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(PlanJson.HashOf(result.Replanned), result.Replanned.Hash);
    }

    [Fact]
    public async Task Replay_ConfigChangedSinceConfirmation_DoesNotMatch()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value"]);
        var replay = Replay(harness);
        var confirmed = await replay.PlanAsync(SandboxHarness.RegistryName, CompatibilityAnswers("orders-*", "FULL"), TestPlans.RealRun(), CancellationToken.None);
        await harness.PutConfigAsync("orders-value", new JsonObject { ["compatibility"] = "NONE" });

        var result = await replay.ReplayAsync(confirmed, CancellationToken.None);

        Assert.False(result.Matches);
        Assert.Contains("NONE", result.Replanned!.Changes.Single().Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AnswerNoLongerValid_SaysWhyAndPlansNothing()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value"]);
        var replay = Replay(harness);
        var answers = CompatibilityAnswers("orders-*", "FULL");
        var confirmed = await replay.PlanAsync(SandboxHarness.RegistryName, answers, TestPlans.RealRun(), CancellationToken.None);
        var tampered = confirmed with { Answers = new JsonObject { ["operation_type"] = "schema_update", ["update_type"] = "compatibility", ["selection"] = "custom", ["pattern"] = "orders-*", ["compatibility"] = "SOMETIMES" } };

        var result = await replay.ReplayAsync(tampered, CancellationToken.None);

        Assert.False(result.Matches);
        Assert.Null(result.Replanned);
        Assert.StartsWith("compatibility:", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NotReplayable_PlanOfNoWizardOperation_SaysWhichCan()
    {
        var replay = new PlanReplay([new SchemaUpdateOperation(new SelectionOptions(), _clock)], new NoRegistries());

        var reason = replay.NotReplayable(TestPlans.Of("lab", [], operationType: "restore"));

        Assert.Equal("a restore plan is not made from wizard answers, so it cannot be planned again; only the plans of schema_update can.", reason);
    }

    private PlanReplay Replay(SandboxHarness harness) => new([new SchemaUpdateOperation(new SelectionOptions(), _clock)], harness.Registries);

    private static JsonObject CompatibilityAnswers(string pattern, string level) => new()
    {
        ["operation_type"] = "schema_update",
        ["update_type"] = "compatibility",
        ["selection"] = "custom",
        ["pattern"] = pattern,
        ["compatibility"] = level,
    };

    private sealed class NoRegistries : Core.Registry.IRegistryGatewayProvider
    {
        public IReadOnlyList<Core.Registry.RegistryOptions> Registries => [];

        public Core.Registry.RegistryOptions Default => throw new InvalidOperationException("no registry in this test");

        public Core.Registry.IRegistryGateway Get(string? name) => throw new InvalidOperationException("no registry in this test");
    }
}
