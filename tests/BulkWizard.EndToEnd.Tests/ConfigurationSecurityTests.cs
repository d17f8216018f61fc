using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using static BulkWizard.EndToEnd.Tests.ConfigurationModeTests;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Security policies (data-contract metadata and rule sets in config) through the real server over stdio: at subject,
/// context, default-context and all-contexts scope, the exact config stored after, a restore to the snapshot before, and
/// the community edition's silent drop of rule sets reported as such.
/// </summary>
public sealed class ConfigurationSecurityTests
{
    private const string EncryptRule = """{"domainRules": [{"name": "encryptPII", "kind": "TRANSFORM", "type": "ENCRYPT", "mode": "WRITEREAD", "tags": ["PII"]}]}""";

    [Fact]
    public async Task SubjectScope_DefaultMetadata_StoredExactly_KeepsTheRestOfTheConfig_ThenRestored()
    {
        await using var harness = await SeededAsync();
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            await seed.PutConfigAsync("payments-value", new JsonObject { ["compatibility"] = "FULL", ["defaultMetadata"] = new JsonObject { ["properties"] = new JsonObject { ["domain"] = "payments" } } });
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new()
        {
            ["configuration_type"] = "security", ["pattern"] = "orders-*,payments-*", ["tags"] = "$.id=PII", ["properties"] = "owner=team-a", ["sensitive"] = "id",
        });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.False(plan["destructive"]!.GetValue<bool>());
        Assert.Equal("Set security policy (defaultMetadata tags $.id [PII], owner=team-a, sensitive [id]) on orders-*,payments-*", plan.Str("title"));
        Assert.Contains("register fast path", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("not part of the registry's REST API", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value", "payments-value"], after.DifferencesFrom(before));
        AssertJson("""{"compatibilityLevel":"BACKWARD","defaultMetadata":{"tags":{"$.id":["PII"]},"properties":{"owner":"team-a"},"sensitive":["id"]}}""", after.Subject("orders-value")!["config"]);
        AssertJson("""{"compatibilityLevel":"FULL","defaultMetadata":{"tags":{"$.id":["PII"]},"properties":{"domain":"payments","owner":"team-a"},"sensitive":["id"]}}""", after.Subject("payments-value")!["config"]);
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ContextScope_OverrideRuleSet_OnAnEnterpriseRegistry_Stored_ThenRestoredToNoConfig()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new()
        {
            ["configuration_type"] = "security", ["scope"] = "context", ["context"] = ".staging", ["metadata_target"] = "override", ["rule_set"] = EncryptRule,
        });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.Equal("completed", run.Str("status"));
        Assert.Contains(":.staging:: no config of its own", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["config :.staging:"], after.DifferencesFrom(before));
        AssertJson($$"""{"compatibilityLevel":"BACKWARD","overrideRuleSet":{{EncryptRule}}}""", after.State["config :.staging:"]);
        await RestoreAsync(client, run);
        var restored = await harness.SnapshotAsync();
        Assert.Empty(restored.DifferencesFrom(before));
        Assert.Null(restored.State["config :.staging:"]);
    }

    [Fact]
    public async Task DefaultContextScope_Properties_OnSlashConfig_ThenRestored()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "security", ["scope"] = "default_context", ["properties"] = "owner=platform; classification=internal" });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["config :.:"], after.DifferencesFrom(before));
        AssertJson("""{"compatibilityLevel":"BACKWARD","defaultMetadata":{"properties":{"classification":"internal","owner":"platform"}}}""", after.State["config :.:"]);
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task AllContextsScope_Tags_OnGlobalContext_ThenRestoredToNoConfig()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "security", ["scope"] = "all_contexts", ["tags"] = "$.id=PII; $.email=PII,CONTACT" });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["config :.__GLOBAL:"], after.DifferencesFrom(before));
        AssertJson("""{"compatibilityLevel":"BACKWARD","defaultMetadata":{"tags":{"$.email":["CONTACT","PII"],"$.id":["PII"]}}}""", after.State["config :.__GLOBAL:"]);
        await RestoreAsync(client, run);
        var restored = await harness.SnapshotAsync();
        Assert.Empty(restored.DifferencesFrom(before));
        Assert.Null(restored.State["config :.__GLOBAL:"]);
    }

    [Fact]
    public async Task CommunityEdition_DropsTheRuleSet_ItemReportsIt_AndEverySubjectIsPutBack()
    {
        await using var harness = await SeededAsync(SandboxProfile.Community);
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "security", ["pattern"] = "orders-*,payments-*", ["properties"] = "owner=team-a", ["rule_set"] = EncryptRule });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.Contains("the community edition drops them silently", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("failed", run.Str("status"));
        var errors = run["task"]!["result"]!["first_errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(
            "orders-value: the registry dropped the rule set (defaultRuleSet) written to orders-value: community edition keeps no rule sets. The config was put back as it was; " +
            "use an Enterprise or Cloud registry for rule sets, or leave rule_set out.",
            Assert.Single(errors));
        Assert.Equal(["failed", "not_run"], run["task"]!["result"]!["items"]!.AsArray().Select(i => i!.Str("outcome")));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Refusals_NameTheField_AndChangeNothing()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        async Task<string> Refused(Dictionary<string, object?> arguments) => await client.CallExpectingErrorAsync("bulk_configuration_update", arguments);

        Assert.EndsWith("tags, properties, sensitive, rule_set: give at least one for configuration_type 'security'.",
            await Refused(new() { ["configuration_type"] = "security", ["pattern"] = "orders-*" }), StringComparison.Ordinal);
        Assert.EndsWith("tags: 'PII' is not allowed: give schema path = tags, entries separated by ';', e.g. $.ssn=PII,SENSITIVE; $.email=PII.",
            await Refused(new() { ["configuration_type"] = "security", ["pattern"] = "orders-*", ["tags"] = "PII" }), StringComparison.Ordinal);
        Assert.EndsWith("rule_set: rule 'encryptPII' has no type (e.g. ENCRYPT, CEL, CEL_FIELD).",
            await Refused(new() { ["configuration_type"] = "security", ["pattern"] = "orders-*", ["rule_set"] = """[{"name": "encryptPII"}]""" }), StringComparison.Ordinal);
        Assert.EndsWith("metadata_target: 'sideways' is not allowed: use one of default, override.",
            await Refused(new() { ["configuration_type"] = "security", ["pattern"] = "orders-*", ["tags"] = "$.id=PII", ["metadata_target"] = "sideways" }), StringComparison.Ordinal);
        Assert.EndsWith("mode: only for configuration_type 'mode', not 'security'.",
            await Refused(new() { ["configuration_type"] = "security", ["pattern"] = "orders-*", ["tags"] = "$.id=PII", ["mode"] = "READONLY" }), StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, found {actual?.ToJsonString()}");
}
