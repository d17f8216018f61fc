using System.Text.Json.Nodes;
using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Configuration.Compliance;

/// <summary>The config changes that fix violations, applied to the Sandbox and checked again.</summary>
public sealed class ComplianceFixesTests
{
    private static readonly Dictionary<string, string> NoValues = [];

    [Fact]
    public async Task FixesAsync_OwnConfig_FixedFieldsSetAndTheRestOfTheBodyKept_NoViolationLeft()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value");
        await harness.PutConfigAsync("orders-value", new JsonObject
        {
            ["compatibility"] = "FORWARD",
            ["validateRules"] = true,
            ["compatibilityGroup"] = "app",
            ["defaultMetadata"] = new JsonObject { ["properties"] = new JsonObject { ["team"] = "payments" }, ["tags"] = new JsonObject { ["**.ssn"] = new JsonArray("PII") } },
        });

        var fixes = await FixesAsync(harness, ["orders-value"], ComplianceRules.Defaults, new() { ["owner"] = "team-a" });

        var change = Assert.Single(fixes.Changes);
        Assert.Empty(fixes.Unfixable);
        Assert.Equal("orders-value", change.Subject);
        Assert.Equal("compatibility FORWARD (subject config); normalize off (server default); validateFields off (server default); owner not set", change.BeforeText);
        Assert.Equal("compatibility FULL; normalize on; validateFields on; defaultMetadata owner=team-a", change.AfterText);
        Assert.Equal("FORWARD", change.BeforeConfig!["compatibility"]!.GetValue<string>());
        await change.ApplyAsync(harness.Gateway, CancellationToken.None);
        var stored = (await harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse("orders-value")), CancellationToken.None))!.Fields;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"compatibility":"FULL","validateRules":true,"compatibilityGroup":"app","normalize":true,"validateFields":true,
                 "defaultMetadata":{"tags":{"**.ssn":["PII"]},"properties":{"owner":"team-a","team":"payments"}}}
                """),
            stored), stored.ToJsonString());
        Assert.Empty(await ComplianceCheckerTests.CheckAsync(harness, ["orders-value"], ComplianceRules.Defaults));
    }

    [Fact]
    public async Task FixesAsync_NoOwnConfig_NewConfigKeepsTheInheritedLevelMetadataAndFlags()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync(":.staging:orders-value");
        await ComplianceCheckerTests.PutScopeAsync(harness, ".staging", new JsonObject
        {
            ["compatibility"] = "FULL_TRANSITIVE",
            ["normalize"] = true,
            ["defaultMetadata"] = new JsonObject { ["properties"] = new JsonObject { ["team"] = "staging" } },
        });

        var fixes = await FixesAsync(harness, [":.staging:orders-value"], ComplianceRules.Defaults, new() { ["owner"] = "team-s" });

        var change = Assert.Single(fixes.Changes);
        Assert.Null(change.BeforeConfig);
        Assert.Equal("validateFields off (inherited from context .staging); owner not set", change.BeforeText);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"compatibility":"FULL_TRANSITIVE","defaultMetadata":{"properties":{"owner":"team-s","team":"staging"}},"normalize":true,"validateFields":true}"""),
            change.AfterConfig), change.AfterConfig!.ToJsonString());
        await change.ApplyAsync(harness.Gateway, CancellationToken.None);
        Assert.Empty(await ComplianceCheckerTests.CheckAsync(harness, [":.staging:orders-value"], ComplianceRules.Defaults));
        var settings = await new SubjectSettingsReader(harness.Gateway).ReadAsync([QualifiedSubject.Parse(":.staging:orders-value")], CancellationToken.None);
        Assert.Equal("FULL_TRANSITIVE", settings.Single().EffectiveLevel);
    }

    [Fact]
    public async Task FixesAsync_NoPropertyValues_OtherFixesPlannedPropertiesUnfixableWithTheReason()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value", "payments-value"]);
        await harness.PutConfigAsync("orders-value", new JsonObject { ["compatibility"] = "NONE" });
        await harness.PutConfigAsync("payments-value", new JsonObject { ["compatibility"] = "FULL", ["normalize"] = true, ["validateFields"] = true });
        var rules = ComplianceRules.Defaults with { RequiredProperties = ["owner", "team"] };

        var fixes = await FixesAsync(harness, ["orders-value", "payments-value"], rules, NoValues);
        var withOne = await FixesAsync(harness, ["payments-value"], rules, new() { ["team"] = "payments" });

        Assert.Equal(["orders-value: compatibility NONE (subject config); normalize off (server default); validateFields off (server default) → compatibility BACKWARD; normalize on; validateFields on"],
            fixes.Changes.Select(c => c.Describe()));
        Assert.Equal(
            [
                new("orders-value", "required properties owner, team not set: no value given for them"),
                new("payments-value", "required properties owner, team not set: no value given for them"),
            ],
            fixes.Unfixable);
        Assert.Equal(["payments-value: team not set → defaultMetadata team=payments"], withOne.Changes.Select(c => c.Describe()));
        Assert.Equal([new("payments-value", "required property owner not set: no value given for it")], withOne.Unfixable);
    }

    [Fact]
    public async Task FixesAsync_ReadOnlySubject_UnfixableByItsModeAndCompliantSubjectsLeftOut()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterEachAsync(["orders-value", "payments-value"]);
        await harness.PutConfigAsync("payments-value", new JsonObject { ["compatibility"] = "FULL" });
        await harness.SetModeAsync("orders-value", RegistryMode.ReadOnly);

        var fixes = await FixesAsync(harness, ["orders-value", "payments-value"], new ComplianceRules { CompatibilityAtLeast = "BACKWARD_TRANSITIVE" }, NoValues);

        Assert.Equal(["payments-value: compatibility FULL (subject config) → compatibility FULL_TRANSITIVE"], fixes.Changes.Select(c => c.Describe()));
        Assert.Equal([new("orders-value", "mode READONLY (subject)")], fixes.Unfixable);
    }

    private static Task<ComplianceFixes> FixesAsync(SandboxHarness harness, IEnumerable<string> subjects, ComplianceRules rules, Dictionary<string, string> values) =>
        new ComplianceChecker(harness.Gateway).FixesAsync([.. subjects.Select(QualifiedSubject.Parse)], rules, values, CancellationToken.None);
}
