using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using static BulkWizard.EndToEnd.Tests.ConfigurationModeTests;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Retention policies through the real server over stdio: the policy stored in the data directory once the run completes,
/// under the scope's pattern, and with <c>enforce_now</c> the versions over the limit soft-deleted by cleanup's rules,
/// backed up and restored to the snapshot before.
/// </summary>
public sealed class ConfigurationRetentionTests
{
    [Fact]
    public async Task SubjectScope_EnforceNow_SoftDeletesTheOlderVersion_StoresThePolicy_ThenRestored()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "retention", ["pattern"] = "orders-*", ["keep_last"] = 1, ["enforce_now"] = true });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal("Set retention policy (keep the last 1 version) on orders-*", plan.Str("title"));
        Assert.Contains("orders-value: soft-delete version 1; keeps version 2", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value"], after.DifferencesFrom(before));
        Assert.Equal([true, false], after.Subject("orders-value")!["versions"]!.AsArray().Select(v => v!["deleted"]?.GetValue<bool>() ?? false));
        Assert.Equal([("lab", "orders-*", (int?)1, (int?)null)], await PoliciesAsync(harness));
        var check = await client.CallAsync("check_retention", new() { ["pattern"] = "orders-*" });
        Assert.Empty(check["violations"]!.AsArray());
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task EnforceNow_AReferencedVersionIsKept_TheCheckReportsItKeptByReferences_ThenRestored()
    {
        await using var harness = await SeededAsync();
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            for (var fields = 1; fields <= 3; fields++)
            {
                await seed.RegisterAsync("common-value", RegistrySeeder.AvroRecord("Common", [.. Enumerable.Range(0, fields).Select(f => $"f{f}")]));
            }

            await seed.RegisterWithReferenceAsync("customer-value", """{"type":"record","name":"Customer","fields":[{"name":"common","type":"Common"}]}""", "Common", "common-value", 1);
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "retention", ["pattern"] = "common-value", ["keep_last"] = 1, ["enforce_now"] = true });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal((1, 1), (plan.Number("changes"), plan.Number("skipped")));
        Assert.Contains("common-value: soft-delete version 2; keeps versions 1, 3", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("common-value: version 1 kept: referenced by customer-value version 1", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("1 version(s) kept because schemas outside the cleanup reference them (see the skipped list).", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["common-value"], after.DifferencesFrom(before));
        Assert.Equal([false, true, false], after.Subject("common-value")!["versions"]!.AsArray().Select(v => v!["deleted"]?.GetValue<bool>() ?? false));
        var check = await client.CallAsync("check_retention", new() { ["pattern"] = "common-value" });
        // Version 1 stays over the limit, and is said to be kept, until customer-value stops referencing it.
        Assert.Equal(
            ["common-value by common-value: over the limit 1, kept by references 1"],
            check["violations"]!.AsArray().Select(v => v!).Select(v =>
                $"{v.Str("subject")} by {v.Str("policy")}: over the limit {Numbers(v["versions_over_limit"]!)}, kept by references {Numbers(v["kept_by_references"]!)}"));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ContextDefaultAndAllContextsScopes_StoreThePolicyUnderTheScopesPattern_RegistryUnchanged()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var context = await PlanAsync(client, new() { ["configuration_type"] = "retention", ["scope"] = "context", ["context"] = ".staging", ["keep_last"] = 5 });
        var contextRun = await client.CallAsync("confirm_bulk_operation", Run(context, "accept"));
        var defaultContext = await PlanAsync(client, new() { ["configuration_type"] = "retention", ["scope"] = "default_context", ["older_than_days"] = 90 });
        await client.CallAsync("confirm_bulk_operation", Run(defaultContext, "accept"));
        var all = await PlanAsync(client, new() { ["configuration_type"] = "retention", ["scope"] = "all_contexts", ["keep_last"] = 10, ["older_than_days"] = 365 });
        await client.CallAsync("confirm_bulk_operation", Run(all, "accept"));

        Assert.Equal((0, false), (context.Number("changes"), context["destructive"]!.GetValue<bool>()));
        Assert.Contains("Nothing in the registry changes now", context.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("completed", contextRun.Str("status"));
        Assert.Equal(
            [("lab", "*", (int?)null, (int?)90), ("lab", ":*:*", 10, 365), ("lab", ":.staging:*", 5, null)],
            (await PoliciesAsync(harness)).OrderBy(p => p.Pattern, StringComparer.Ordinal));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task PolicyInMetadata_WithEnforceNow_DeletesThenWritesTheProperties_ThenRestoredWhole()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new()
        {
            ["configuration_type"] = "retention", ["pattern"] = "orders-*", ["keep_last"] = 1, ["enforce_now"] = true, ["policy_in_metadata"] = true,
        });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal(2, plan.Number("changes"));
        Assert.Contains("register fast path", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value"], after.DifferencesFrom(before));
        Assert.Equal("1", after.Subject("orders-value")!["config"]!["defaultMetadata"]!["properties"]!["retention.keep_last"]!.GetValue<string>());
        Assert.Equal([true, false], after.Subject("orders-value")!["versions"]!.AsArray().Select(v => v!["deleted"]?.GetValue<bool>() ?? false));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task PolicyInMetadata_OnAContext_WritesTheContextsConfig_NotDestructive()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new()
        {
            ["configuration_type"] = "retention", ["scope"] = "context", ["context"] = ".staging", ["older_than_days"] = 30, ["policy_in_metadata"] = true,
        });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.False(plan["destructive"]!.GetValue<bool>());
        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["config :.staging:"], after.DifferencesFrom(before));
        Assert.Equal("30", after.State["config :.staging:"]!["defaultMetadata"]!["properties"]!["retention.older_than_days"]!.GetValue<string>());
        Assert.Equal([("lab", ":.staging:*", (int?)null, (int?)30)], await PoliciesAsync(harness));
    }

    [Fact]
    public async Task OlderThanDays_EnforcedOnARegistryBefore8_IsRefusedByName()
    {
        await using var harness = await SeededAsync(SandboxProfile.Platform76);
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var refused = await client.CallExpectingErrorAsync("bulk_configuration_update", new()
        {
            ["configuration_type"] = "retention", ["pattern"] = "orders-*", ["older_than_days"] = 30, ["enforce_now"] = true,
        });
        var missing = await client.CallExpectingErrorAsync("bulk_configuration_update", new() { ["configuration_type"] = "retention", ["pattern"] = "orders-*" });

        Assert.Contains("older_than_days: enforcing it needs each version's write time, which registries report from 8.0", refused, StringComparison.Ordinal);
        Assert.EndsWith("keep_last, older_than_days: give at least one for configuration_type 'retention'.", missing, StringComparison.Ordinal);
        Assert.Empty(await PoliciesAsync(harness));
    }

    private static string Numbers(JsonNode list) => string.Join(", ", list.AsArray().Select(n => n!.GetValue<int>()));

    private static async Task<List<(string Registry, string Pattern, int? KeepLast, int? OlderThanDays)>> PoliciesAsync(WizardHarness harness)
    {
        var path = Path.Combine(harness.DataDirectory, "retention-policies.json");
        if (!File.Exists(path))
        {
            return [];
        }

        var file = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        return [.. file["policies"]!.AsArray().OfType<JsonNode>().Select(p => (p.Str("registry"), p.Str("pattern"), p["keep_last"]?.GetValue<int>(), p["older_than_days"]?.GetValue<int>()))];
    }
}
