using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using static BulkWizard.EndToEnd.Tests.ConfigurationModeTests;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Compliance fixes through the real server over stdio, by the built-in rules (BACKWARD or stricter, normalize and
/// validateFields on, an owner property): the subjects each scope governs get their own config fixed, the rest of the
/// body kept; what cannot be fixed is listed; a restore gives the snapshot before.
/// </summary>
public sealed class ConfigurationComplianceTests
{
    [Fact]
    public async Task SubjectScope_AllRules_WithOwner_TheViolationsCheckedBeforeAreFixed_TheRestKept_ThenRestored()
    {
        await using var harness = await SeededAsync();
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            await seed.PutConfigAsync("payments-value", new JsonObject { ["compatibility"] = "FULL", ["alias"] = null, ["compatibilityGroup"] = "app" });
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var checkBefore = await client.CallAsync("check_compliance", new() { ["pattern"] = "orders-*,payments-*" });
        var reply = await client.CallAsync("bulk_configuration_update", new() { ["configuration_type"] = "compliance", ["pattern"] = "orders-*,payments-*", ["properties"] = "owner=team-a" });
        var plan = reply["plan"]!;
        var details = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        var schemas = await OutputSchemas.ForAsync(null);
        Assert.True(schemas.Declares("bulk_configuration_update"));
        Assert.Empty(schemas.ProblemsOf("bulk_configuration_update", reply));
        Assert.Equal("planned", reply.Str("status"));
        Assert.Equal(
            [
                "orders-value normalize: off (server default) | on (normalize: true)",
                "orders-value validate_fields: off (server default) | on (validateFields: true)",
                "orders-value required_properties.owner: not set: the global config (in effect) has no defaultMetadata or overrideMetadata"
                    + " | owner set in defaultMetadata or overrideMetadata of the config in effect",
                "payments-value normalize: off (server default) | on (normalize: true)",
                "payments-value validate_fields: off (server default) | on (validateFields: true)",
                "payments-value required_properties.owner: not set: the subject config (in effect) has no defaultMetadata or overrideMetadata"
                    + " | owner set in defaultMetadata or overrideMetadata of the config in effect",
            ],
            checkBefore["violations"]!.AsArray().Select(v => v!).Select(v => $"{v.Str("subject")} {v.Str("rule")}: {v.Str("found")} | {v.Str("expected")}"));
        Assert.Equal(
            [
                "orders-value: normalize off (server default); validateFields off (server default); owner not set → normalize on; validateFields on; defaultMetadata owner=team-a",
                "payments-value: normalize off (server default); validateFields off (server default); owner not set → normalize on; validateFields on; defaultMetadata owner=team-a",
            ],
            details["changes"]!.AsArray().Select(c => c!.Str("change")));
        Assert.Equal("Fix compliance (compatibility, normalize, validate_fields, required_properties) on orders-*,payments-*", plan.Str("title"));
        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value", "payments-value"], after.DifferencesFrom(before));
        AssertJson("""{"compatibilityLevel":"BACKWARD","normalize":true,"validateFields":true,"defaultMetadata":{"properties":{"owner":"team-a"}}}""", after.Subject("orders-value")!["config"]);
        AssertJson("""{"compatibilityLevel":"FULL","compatibilityGroup":"app","normalize":true,"validateFields":true,"defaultMetadata":{"properties":{"owner":"team-a"}}}""", after.Subject("payments-value")!["config"]);
        Assert.Empty((await client.CallAsync("check_compliance", new() { ["pattern"] = "orders-*,payments-*" }))["violations"]!.AsArray());
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ContextScope_NormalizeOnly_FixesTheContextsSubjects_NoOtherRule()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "compliance", ["scope"] = "context", ["context"] = ".staging", ["fix"] = "normalize" });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.Equal("completed", run.Str("status"));
        Assert.Contains("Rules not in fix (compatibility, validate_fields, required_properties) are neither judged nor fixed here", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal([":.staging:orders-value"], after.DifferencesFrom(before));
        AssertJson("""{"compatibilityLevel":"BACKWARD","normalize":true}""", after.Subject(":.staging:orders-value")!["config"]);
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Theory]
    [InlineData("default_context", new[] { "orders-value", "payments-value" })]
    [InlineData("all_contexts", new[] { ":.staging:orders-value", "orders-value", "payments-value" })]
    public async Task DefaultContextAndAllContextsScopes_FixTheSubjectsEachGoverns_ThenRestored(string scope, string[] governed)
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "compliance", ["scope"] = scope, ["fix"] = "validate_fields" });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.Equal(governed.Length, plan.Number("changes"));
        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(governed, after.DifferencesFrom(before));
        Assert.All(governed, s => AssertJson("""{"compatibilityLevel":"BACKWARD","validateFields":true}""", after.Subject(s)!["config"]));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task RequiredPropertyWithoutAValue_ListedAsUnfixable_TheOtherFixesPlanned()
    {
        await using var harness = await SeededAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "compliance", ["pattern"] = "orders-*" });
        var refused = await client.CallExpectingErrorAsync("bulk_configuration_update", new() { ["configuration_type"] = "compliance", ["pattern"] = "orders-*", ["fix"] = "owner" });

        Assert.Equal((1, 1), (plan.Number("changes"), plan.Number("skipped")));
        Assert.Contains("orders-value: required property owner not set: no value given for it", plan.Str("preview"), StringComparison.Ordinal);
        Assert.EndsWith("fix: 'owner' is not allowed: use one of all, compatibility, normalize, validate_fields, required_properties.", refused, StringComparison.Ordinal);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, found {actual?.ToJsonString()}");
}
