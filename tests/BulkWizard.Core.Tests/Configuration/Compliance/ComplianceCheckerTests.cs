using System.Text.Json.Nodes;
using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Configuration.Compliance;

/// <summary>Compliance checks against the Sandbox over HTTP, each rule judged on the effective config.</summary>
public sealed class ComplianceCheckerTests
{
    private const string AtLeastBackward = "BACKWARD or stricter: BACKWARD, BACKWARD_TRANSITIVE, FULL, FULL_TRANSITIVE";

    [Fact]
    public async Task CheckAsync_OwnLevels_ForwardAndNoneFailBackwardFloorFullAndTransitivePass()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] levels = ["NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"];
        foreach (var level in levels)
        {
            await harness.RegisterVersionsAsync(level.ToLowerInvariant());
            await harness.PutConfigAsync(level.ToLowerInvariant(), new JsonObject { ["compatibility"] = level });
        }

        var violations = await CheckAsync(harness, [.. levels.Select(l => l.ToLowerInvariant())], new ComplianceRules { CompatibilityAtLeast = "BACKWARD" });

        Assert.Equal(
            [
                new ComplianceViolation("none", "compatibility", "NONE (subject config)", AtLeastBackward),
                new ComplianceViolation("forward", "compatibility", "FORWARD (subject config)", AtLeastBackward),
                new ComplianceViolation("forward_transitive", "compatibility", "FORWARD_TRANSITIVE (subject config)", AtLeastBackward),
            ],
            violations);
    }

    [Fact]
    public async Task CheckAsync_SubjectsInheriting_JudgedOnGlobalContextAllContextsAndOwnConfigMergedWithGlobal()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] subjects = ["orders-value", ":.staging:orders-value", ":.dev:orders-value", "payments-value"];
        await harness.RegisterEachAsync(subjects);
        await PutScopeAsync(harness, "", new JsonObject { ["compatibility"] = "NONE", ["normalize"] = true });
        await PutScopeAsync(harness, ".staging", new JsonObject { ["compatibility"] = "FULL", ["validateFields"] = true });
        await PutScopeAsync(harness, ".__GLOBAL", new JsonObject { ["compatibility"] = "FORWARD", ["normalize"] = true });
        await harness.PutConfigAsync("payments-value", new JsonObject { ["compatibility"] = "FULL_TRANSITIVE" });

        var violations = await CheckAsync(harness, subjects, ComplianceRules.Defaults with { RequiredProperties = [] });

        Assert.Equal(
            [
                new ComplianceViolation("orders-value", "compatibility", "NONE (inherited from global)", AtLeastBackward),
                new ComplianceViolation("orders-value", "validate_fields", "off (server default)", "on (validateFields: true)"),
                new ComplianceViolation(":.staging:orders-value", "normalize", "off (inherited from context .staging)", "on (normalize: true)"),
                new ComplianceViolation(":.dev:orders-value", "compatibility", "FORWARD (inherited from all contexts)", AtLeastBackward),
                new ComplianceViolation(":.dev:orders-value", "validate_fields", "off (inherited from all contexts)", "on (validateFields: true)"),
                new ComplianceViolation("payments-value", "validate_fields", "off (server default)", "on (validateFields: true)"),
            ],
            violations);
    }

    [Fact]
    public async Task CheckAsync_NothingConfigured_ServerDefaultsJudged()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] subjects = ["orders-value", ":.dev:orders-value"];
        await harness.RegisterEachAsync(subjects);

        var violations = await CheckAsync(harness, subjects, ComplianceRules.Defaults);

        Assert.Equal(
            [
                "orders-value normalize: off (server default)",
                "orders-value validate_fields: off (server default)",
                "orders-value required_properties.owner: not set: the global config (in effect) has no defaultMetadata or overrideMetadata",
                ":.dev:orders-value normalize: off (server default)",
                ":.dev:orders-value validate_fields: off (server default)",
                ":.dev:orders-value required_properties.owner: not set: no config in effect carries defaultMetadata or overrideMetadata",
            ],
            violations.Select(v => $"{v.Subject} {v.Rule}: {v.Found}"));
    }

    [Fact]
    public async Task CheckAsync_RequiredProperty_SetByTheConfigInEffectNotByTheLatestVersion()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] subjects = ["orders-value", "payments-value", "users-value", "audit-value", ":.staging:orders-value"];
        await harness.RegisterEachAsync(subjects.Where(s => s != "audit-value"));
        var owned = new JsonObject { ["properties"] = new JsonObject { ["owner"] = "audit" } };
        await harness.Gateway.RegisterAsync(
            QualifiedSubject.Parse("audit-value"), new RegisterSchemaRequest(SandboxHarness.AvroRecord("Audit"), Metadata: owned), CancellationToken.None);
        await PutScopeAsync(harness, "", new JsonObject { ["defaultMetadata"] = new JsonObject { ["properties"] = new JsonObject { ["owner"] = "platform" } } });
        await harness.PutConfigAsync("payments-value", new JsonObject { ["compatibility"] = "FULL" });
        await harness.PutConfigAsync("users-value", new JsonObject { ["overrideMetadata"] = new JsonObject { ["properties"] = new JsonObject { ["owner"] = "users" } } });
        await harness.PutConfigAsync("audit-value", new JsonObject { ["compatibility"] = "BACKWARD" });

        var violations = await CheckAsync(harness, subjects, new ComplianceRules { RequiredProperties = ["owner"] });

        const string expected = "owner set in defaultMetadata or overrideMetadata of the config in effect";
        Assert.Equal(
            [
                new ComplianceViolation("payments-value", "required_properties.owner", "not set: the subject config (in effect) has no defaultMetadata or overrideMetadata", expected),
                new ComplianceViolation("audit-value", "required_properties.owner", "not set: the subject config (in effect) has no defaultMetadata or overrideMetadata", expected),
                new ComplianceViolation(":.staging:orders-value", "required_properties.owner", "not set: no config in effect carries defaultMetadata or overrideMetadata", expected),
            ],
            violations);
    }

    internal static Task PutScopeAsync(SandboxHarness harness, string context, JsonObject config) =>
        harness.Gateway.PutConfigAsync(context.Length == 0 ? RegistryScope.Global : RegistryScope.ForContext(context), new RegistryConfig(config), CancellationToken.None);

    internal static Task<IReadOnlyList<ComplianceViolation>> CheckAsync(SandboxHarness harness, IEnumerable<string> subjects, ComplianceRules rules) =>
        new ComplianceChecker(harness.Gateway).CheckAsync([.. subjects.Select(QualifiedSubject.Parse)], rules, CancellationToken.None);
}
