using System.Text;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// A migration of versions that carry rule sets into a community-edition registry, which drops rule sets without an
/// error: the run finds out before copying them, and writes nothing of theirs.
/// </summary>
public sealed class MigrationRuleSetTests : IAsyncLifetime
{
    private const string Probe = "_bulkwizard-rule-set-probe";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private SandboxRegistry _source = null!;
    private SandboxRegistry _target = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _source = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _target = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, Profile = SandboxProfile.Community });
        _data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
        using var seed = new RegistrySeeder(_source.BaseAddress);
        await seed.RegisterAsync("plain-value", RegistrySeeder.AvroRecord("Plain", "id"));
        using var http = new HttpClient { BaseAddress = _source.BaseAddress };
        var body = new JsonObject
        {
            ["schema"] = RegistrySeeder.AvroRecord("Guarded", "id"),
            ["ruleSet"] = new JsonObject
            {
                ["domainRules"] = new JsonArray(new JsonObject { ["name"] = "id_present", ["kind"] = "CONDITION", ["mode"] = "WRITE", ["type"] = "CEL", ["expr"] = "message.id != ''" }),
            },
        };
        (await http.PostAsync("subjects/guarded-value/versions", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task CommunityTarget_ProbeRunsFirst_AndTheRunStopsWithNothingWritten()
    {
        var targetBefore = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = await PlanAsync(client, canary: true);
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        var items = run["task"]!["result"]!["items"]!.AsArray().ToDictionary(i => i!.Str("subject"), i => i!);

        Assert.Equal(3, plan.Number("changes"));
        Assert.Equal(Probe, page["changes"]!.AsArray()[0]!.Str("subject"));
        Assert.Contains("1 copied version(s) carry rule sets, which a community-edition registry drops without an error", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("failed", run.Str("status"));
        Assert.Equal("failed", items[Probe].Str("outcome"));
        Assert.Equal(["not_run", "not_run"], [items["plain-value"].Str("outcome"), items["guarded-value"].Str("outcome")]);
        Assert.StartsWith("registry 'target' dropped the rule set it was given: it keeps no rule sets", items[Probe].Str("message"), StringComparison.Ordinal);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_target.BaseAddress)).DifferencesFrom(targetBefore));
        Assert.Null(await ProbeConfigAsync(_target.BaseAddress));
    }

    [Fact]
    public async Task CommunityTarget_WithoutCanary_CopiesOnlyWhatCarriesNoRuleSet()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = await PlanAsync(client, canary: false);
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        var items = run["task"]!["result"]!["items"]!.AsArray().ToDictionary(i => i!.Str("subject"), i => i!);
        var target = await RegistrySnapshot.TakeAsync(_target.BaseAddress);

        Assert.Equal("failed", run.Str("status"));
        Assert.Equal("applied", items["plain-value"].Str("outcome"));
        Assert.Equal("not_run", items["guarded-value"].Str("outcome"));
        Assert.StartsWith($"not run: it waits for {Probe} on registry 'target'", items["guarded-value"].Str("message"), StringComparison.Ordinal);
        Assert.NotNull(target.Subject("plain-value"));
        Assert.Null(target.Subject("guarded-value"));
        Assert.Null(await ProbeConfigAsync(_target.BaseAddress));
    }

    [Fact]
    public async Task TargetThatKeepsRuleSets_ProbeLeavesNothing_AndTheRuleSetIsCopied()
    {
        await using var keeping = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        await using var client = await ServerLauncher.ConnectAsync(new Dictionary<string, string>(Settings())
        {
            ["BulkWizard__Registries__1__Url"] = keeping.BaseAddress.ToString(),
        });

        var run = await client.CallAsync("confirm_bulk_operation", Run(await PlanAsync(client, canary: true)));
        var source = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var target = await RegistrySnapshot.TakeAsync(keeping.BaseAddress);

        Assert.Equal("completed", run.Str("status"));
        Assert.True(JsonNode.DeepEquals(source.Subject("guarded-value"), target.Subject("guarded-value")), $"{source.Subject("guarded-value")} vs {target.Subject("guarded-value")}");
        Assert.Equal("id_present", target.Subject("guarded-value")!["versions"]![0]!["ruleSet"]!["domainRules"]![0]!["name"]!.GetValue<string>());
        Assert.Null(await ProbeConfigAsync(keeping.BaseAddress));
    }

    /// <summary>The reserved subject's own config (null: none), which a snapshot of subjects does not show.</summary>
    private static async Task<JsonNode?> ProbeConfigAsync(Uri registry)
    {
        using var read = new RegistrySeeder(registry);
        return await read.GetAsync($"config/{Probe}");
    }

    /// <summary>Without rollback on error; the canary, the first change run alone, is the probe.</summary>
    private static async Task<JsonNode> PlanAsync(McpClient client, bool canary)
    {
        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "registry", ["pattern"] = "*", ["source_registry"] = "source", ["target_registry"] = "target", ["rollback_on_error"] = false, ["canary"] = canary,
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        return plan;
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["BulkWizard__Registries__0__Name"] = "source",
        ["BulkWizard__Registries__0__Url"] = _source.BaseAddress.ToString(),
        ["BulkWizard__Registries__1__Name"] = "target",
        ["BulkWizard__Registries__1__Url"] = _target.BaseAddress.ToString(),
        ["BulkWizard__DataDirectory"] = _data,
    };

    private static Dictionary<string, object?> Run(JsonNode plan) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "YES", ["dry_run"] = false, ["wait_seconds"] = (int)Deadline.TotalSeconds,
    };
}
