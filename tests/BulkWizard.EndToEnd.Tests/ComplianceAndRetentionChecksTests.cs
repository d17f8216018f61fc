using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// check_compliance and check_retention through the real server process, each result checked against its outputSchema by
/// the validating transport. The Sandbox is seeded, stopped, its data file's version times set back 100 days, and
/// started again from that file, so that <c>older_than_days</c> has old versions to find.
/// </summary>
public sealed class ComplianceAndRetentionChecksTests : IAsyncLifetime
{
    private const string AtLeastBackward = "BACKWARD or stricter: BACKWARD, BACKWARD_TRANSITIVE, FULL, FULL_TRANSITIVE";

    private readonly string _folder = Directory.CreateTempSubdirectory("bulkwizard-checks-").FullName;
    private SandboxRegistry _sandbox = null!;

    private string DataDirectory => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        var dataFile = Path.Combine(_folder, "sandbox.json");
        await using (var seeding = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, DataFile = dataFile }))
        {
            using var seed = new RegistrySeeder(seeding.BaseAddress);
            for (var fields = 1; fields <= 4; fields++)
            {
                await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", [.. Enumerable.Range(0, fields).Select(f => $"f{f}")]));
            }

            for (var fields = 1; fields <= 3; fields++)
            {
                await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", [.. Enumerable.Range(0, fields).Select(f => $"f{f}")]));
            }

            await seed.RegisterAsync("test-users", RegistrySeeder.AvroRecord("User", "id"));
            await seed.RegisterAsync(":.staging:orders-value", RegistrySeeder.AvroRecord("Order", "id"));
            await seed.SetCompatibilityAsync("orders-value", "FORWARD");
            await seed.PutConfigAsync("payments-value", JsonNode.Parse("""
                {"compatibility":"FULL","normalize":true,"validateFields":true,"defaultMetadata":{"properties":{"owner":"payments"}}}
                """)!.AsObject());
            await seed.SetCompatibilityAsync(":.staging:", "NONE");
        }

        var state = JsonNode.Parse(await File.ReadAllTextAsync(dataFile))!;
        var old = DateTimeOffset.UtcNow.AddDays(-100).ToUnixTimeMilliseconds();
        foreach (var version in state["subjects"]!.AsArray().SelectMany(s => s!["versions"]!.AsArray()))
        {
            version!["timestamp"] = old;
        }

        await File.WriteAllTextAsync(dataFile, state.ToJsonString());
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, DataFile = dataFile });
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CheckCompliance_BuiltInRules_ExactViolationsOnTheEffectiveConfigs()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var report = await client.CallAsync("check_compliance", new() { ["pattern"] = ":*:*-value" });
        var schemas = await OutputSchemas.ForAsync(null);

        Assert.True(schemas.Declares("check_compliance"));
        Assert.Empty(schemas.ProblemsOf("check_compliance", report));
        Assert.Equal(("lab", 3, 1), (report.Str("registry"), report.Number("checked"), report.Number("compliant")));
        Assert.Equal(
            [
                $":.staging:orders-value compatibility: NONE (inherited from context .staging) | {AtLeastBackward}",
                ":.staging:orders-value normalize: off (inherited from context .staging) | on (normalize: true)",
                ":.staging:orders-value validate_fields: off (inherited from context .staging) | on (validateFields: true)",
                ":.staging:orders-value required_properties.owner: not set: the context .staging config (in effect) has no defaultMetadata or overrideMetadata"
                    + " | owner set in defaultMetadata or overrideMetadata of the config in effect",
                $"orders-value compatibility: FORWARD (subject config) | {AtLeastBackward}",
                "orders-value normalize: off (server default) | on (normalize: true)",
                "orders-value validate_fields: off (server default) | on (validateFields: true)",
                "orders-value required_properties.owner: not set: the subject config (in effect) has no defaultMetadata or overrideMetadata"
                    + " | owner set in defaultMetadata or overrideMetadata of the config in effect",
            ],
            Violations(report));
        var rules = report["rules"]!;
        Assert.Equal(("built-in defaults", "BACKWARD", true, true), (rules.Str("source"), rules.Str("compatibility_at_least"), rules["normalize"]!.GetValue<bool>(), rules["validate_fields"]!.GetValue<bool>()));
        Assert.Equal(["owner"], rules["required_properties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["BACKWARD", "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"], rules["accepted_levels"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task CheckCompliance_RulesFile_ItsRulesJudged_ABadFileNamedWithItsField()
    {
        var rulesFile = Path.Combine(_folder, "rules.json");
        await File.WriteAllTextAsync(rulesFile, """{"compatibility": {"at_least": "FORWARD"}, "required_properties": ["owner"]}""");
        var badFile = Path.Combine(_folder, "bad-rules.json");
        await File.WriteAllTextAsync(badFile, """{"compatibility": {"at_least": "LOOSE"}}""");
        await using var client = await ServerLauncher.ConnectAsync(Settings(rulesFile));
        await using var badClient = await ServerLauncher.ConnectAsync(Settings(badFile));

        var report = await client.CallAsync("check_compliance", new() { ["pattern"] = "*-value" });
        var error = await badClient.CallExpectingErrorAsync("check_compliance", new() { ["pattern"] = "*-value" });

        Assert.Equal((rulesFile, 2, 1), (report["rules"]!.Str("source"), report.Number("checked"), report.Number("compliant")));
        Assert.Equal(
            ["orders-value required_properties.owner: not set: the subject config (in effect) has no defaultMetadata or overrideMetadata | owner set in defaultMetadata or overrideMetadata of the config in effect"],
            Violations(report));
        Assert.Contains($"Compliance rules file {badFile}: compatibility.at_least: \"LOOSE\" is not a compatibility level", error, StringComparison.Ordinal);
        Assert.Contains("(set in BulkWizard:Compliance:RulesFile)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckRetention_PolicyFileInTheDataDirectory_ExactVersionsOverTheMostSpecificPolicy()
    {
        Directory.CreateDirectory(DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "retention-policies.json"), """
            {
              "policies": [
                { "registry": "lab", "pattern": "*-value", "keep_last": 2, "older_than_days": null, "set_at": "2026-11-23T09:00:00+00:00" },
                { "registry": "lab", "pattern": "orders-value", "keep_last": null, "older_than_days": 30, "set_at": "2026-11-23T09:00:00+00:00" },
                { "registry": "other", "pattern": "*", "keep_last": 1, "older_than_days": null, "set_at": "2026-11-23T09:00:00+00:00" }
              ]
            }
            """);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var report = await client.CallAsync("check_retention", new() { ["pattern"] = "*" });
        var schemas = await OutputSchemas.ForAsync(null);

        Assert.True(schemas.Declares("check_retention"));
        Assert.Empty(schemas.ProblemsOf("check_retention", report));
        Assert.Equal(("lab", 3, 2), (report.Str("registry"), report.Number("selected"), report.Number("checked")));
        Assert.Equal(
            ["orders-value by orders-value: 1, 2, 3 (kept by references: )", "payments-value by *-value: 1 (kept by references: )"],
            report["violations"]!.AsArray().Select(v => v!).Select(v =>
                $"{v.Str("subject")} by {v.Str("policy")}: {Numbers(v["versions_over_limit"]!)} (kept by references: {Numbers(v["kept_by_references"]!)})"));
        Assert.Equal(["*-value", "orders-value"], report["policies"]!.AsArray().Select(p => p!.Str("pattern")));
        Assert.Equal("1 of the 3 selected subjects have no retention policy and were not checked.", report.Str("message"));
    }

    [Fact]
    public async Task Checks_NoPolicyStoredOrBadInput_MessageOrErrorNamingTheField()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var unpoliced = await client.CallAsync("check_retention", new() { ["pattern"] = "orders-*" });
        var unknownRegistry = await client.CallExpectingErrorAsync("check_compliance", new() { ["pattern"] = "*", ["registry"] = "prod" });
        var malformed = await client.CallExpectingErrorAsync("check_retention", new() { ["pattern"] = ":.staging" });
        var nothing = await client.CallExpectingErrorAsync("check_compliance", new() { ["pattern"] = "refunds-*" });
        var nothingToo = await client.CallExpectingErrorAsync("check_retention", new() { ["pattern"] = "refunds-*" });

        Assert.Equal((0, 1, "No retention policy is stored for registry 'lab': nothing to check."), (unpoliced["violations"]!.AsArray().Count, unpoliced.Number("selected"), unpoliced.Str("message")));
        Assert.Contains("registry: Registry 'prod' is not configured. Configured registries: lab.", unknownRegistry, StringComparison.Ordinal);
        Assert.Contains("pattern: ':.staging' opens a context with ':.' but does not close it with ':'", malformed, StringComparison.Ordinal);
        Assert.Contains("pattern: 'refunds-*' selects no subject of registry 'lab' (soft-deleted subjects are left out).", nothing, StringComparison.Ordinal);
        Assert.Contains("pattern: 'refunds-*' selects no subject of registry 'lab'", nothingToo, StringComparison.Ordinal);
    }

    private static string[] Violations(JsonNode report) =>
        [.. report["violations"]!.AsArray().Select(v => v!).Select(v => $"{v.Str("subject")} {v.Str("rule")}: {v.Str("found")} | {v.Str("expected")}")];

    private static string Numbers(JsonNode list) => string.Join(", ", list.AsArray().Select(n => n!.GetValue<int>()));

    private Dictionary<string, string> Settings(string? rulesFile = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["SCHEMA_REGISTRY_NAME"] = "lab",
            ["SCHEMA_REGISTRY_URL"] = _sandbox.BaseAddress.ToString(),
            ["BulkWizard__DataDirectory"] = DataDirectory,
        };
        if (rulesFile is not null)
        {
            settings["BulkWizard__Compliance__RulesFile"] = rulesFile;
        }

        return settings;
    }
}
