using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Mode settings through the real server over stdio, against a Sandbox in a known state: at subject, context,
/// default-context and all-contexts scope, the exact registry state after each run, and a restore of its backup to the
/// snapshot before. No Kafka is configured, so the producer check before READONLY and IMPORT is "unknown" and accepted.
/// </summary>
public sealed class ConfigurationModeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SubjectScope_ReadOnly_DryRunThenYes_OnlyThoseSubjectsChange_ThenRestored()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["pattern"] = "orders-*,payments-*", ["mode"] = "READONLY", ["unknown_impact"] = "proceed" });
        var run = await RunDestructiveAsync(client, plan);

        Assert.True(plan["destructive"]!.GetValue<bool>());
        Assert.Equal("Set mode READONLY on orders-*,payments-*", plan.Str("title"));
        Assert.Contains("orders-value: mode (inherited) → READONLY", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("Producers not checked for 2 subject(s), accepted", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value", "payments-value"], after.DifferencesFrom(before));
        Assert.Equal("READONLY", after.Subject("orders-value")!["mode"]!.Str("mode"));
        Assert.Equal("READONLY", after.Subject("payments-value")!["mode"]!.Str("mode"));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ContextScope_ReadOnly_SetsTheContextsOwnMode_ThenRestoredToUnset()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = "staging", ["mode"] = "READONLY", ["unknown_impact"] = "proceed" });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal("Set mode READONLY on context .staging", plan.Str("title"));
        Assert.Contains(":.staging:: mode (inherited) → READONLY", plan.Str("preview"), StringComparison.Ordinal);
        var details = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        Assert.Equal(":.staging:: mode (inherited) → READONLY", details["changes"]![0]!.Str("change"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["mode :.staging:"], after.DifferencesFrom(before));
        Assert.Equal("READONLY", after.State["mode :.staging:"]!.Str("mode"));
        Assert.Equal([(":.staging:", (string?)null)], await BackedUpModesAsync(client, run));
        await RestoreAsync(client, run);
        var restored = await harness.SnapshotAsync();
        Assert.Empty(restored.DifferencesFrom(before));
        Assert.Null(restored.State["mode :.staging:"]);
    }

    [Fact]
    public async Task DefaultContextScope_ReadOnly_SetsSlashMode_NamedContextsKeepWriting_ThenRestored()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["scope"] = "default_context", ["mode"] = "READONLY", ["unknown_impact"] = "proceed" });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Contains("default context (/mode): mode READWRITE → READONLY", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["mode :.:"], after.DifferencesFrom(before));
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            // A named context never inherits /mode: registering there still works.
            await seed.RegisterAsync(":.staging:fresh-value", RegistrySeeder.AvroRecord("Fresh", "f1"));
            await seed.DeleteSubjectAsync(":.staging:fresh-value");
            await seed.DeleteSubjectPermanentlyAsync(":.staging:fresh-value");
        }

        // The default context's entry is named by its empty subject (it is /mode); what /mode answered is what is put back.
        Assert.Equal([("", (string?)"READWRITE")], await BackedUpModesAsync(client, run));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task AllContextsScope_ReadOnly_SetsGlobalContext_ThenRestoredToUnset()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["scope"] = "all_contexts", ["mode"] = "READONLY", ["unknown_impact"] = "proceed" });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Contains(":.__GLOBAL:: mode (inherited) → READONLY", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        // /mode answers what the default context inherits when it has none of its own.
        Assert.Equal(["mode :.:", "mode :.__GLOBAL:"], after.DifferencesFrom(before));
        Assert.Equal("READONLY", after.State["mode :.__GLOBAL:"]!.Str("mode"));
        Assert.Equal([(":.__GLOBAL:", (string?)null)], await BackedUpModesAsync(client, run));
        await RestoreAsync(client, run);
        var restored = await harness.SnapshotAsync();
        Assert.Empty(restored.DifferencesFrom(before));
        Assert.Null(restored.State["mode :.__GLOBAL:"]);
    }

    [Fact]
    public async Task Import_WithForce_KeepsSoftDeletedVersions()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".archive", ["mode"] = "IMPORT", ["unknown_impact"] = "proceed" });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal("Set mode IMPORT on context .archive (force)", plan.Str("title"));
        Assert.Equal(1, plan.Number("changes"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["mode :.archive:"], after.DifferencesFrom(before));
        Assert.Equal([true], Deleted(after, ":.archive:old-value"));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Import_WithoutForce_PurgeIsPlannedAsBackedUpDeletesBeforeTheSwitch_ThenRestored()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new()
        {
            ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".archive", ["mode"] = "IMPORT", ["force"] = false, ["unknown_impact"] = "proceed",
        });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal("Set mode IMPORT on context .archive (without force)", plan.Str("title"));
        Assert.Equal(2, plan.Number("changes"));
        var preview = plan.Str("preview");
        Assert.True(
            preview.IndexOf(":.archive:old-value: permanently delete version 1", StringComparison.Ordinal) < preview.IndexOf(":.archive:: mode (inherited) → IMPORT (without force)", StringComparison.Ordinal),
            preview);
        var after = await harness.SnapshotAsync();
        Assert.Equal([":.archive:old-value", "mode :.archive:"], after.DifferencesFrom(before));
        Assert.Null(after.Subject(":.archive:old-value"));
        Assert.Equal("IMPORT", after.State["mode :.archive:"]!.Str("mode"));
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Import_WithoutForce_OnASubject_PurgeRemovesItWithItsMode_ThenTheSwitch_ThenRestored()
    {
        await using var harness = await SeededAsync();
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            await seed.SetModeAsync(":.archive:old-value", "READWRITE");
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new()
        {
            ["configuration_type"] = "mode", ["pattern"] = ":.archive:*", ["include_deleted"] = true, ["mode"] = "IMPORT", ["force"] = false, ["unknown_impact"] = "proceed",
        });
        var run = await RunDestructiveAsync(client, plan);

        Assert.Equal(2, plan.Number("changes"));
        // The purge removes the subject and, with its last version, its own mode: the switch starts from none.
        Assert.Contains(":.archive:old-value: mode (inherited) → IMPORT (without force)", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal([":.archive:old-value"], after.DifferencesFrom(before));
        Assert.Null(after.Subject(":.archive:old-value"));
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            // The subject has no version left; its own mode is IMPORT, ready for registrations with ids.
            Assert.Equal("IMPORT", (await seed.GetAsync("mode/" + Uri.EscapeDataString(":.archive:old-value")))!.Str("mode"));
        }

        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Import_WithoutForce_WhileLiveVersionsExist_IsRefusedByName_AndNothingChanges()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var refused = await client.CallExpectingErrorAsync("bulk_configuration_update", new()
        {
            ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".staging", ["mode"] = "IMPORT", ["force"] = false, ["unknown_impact"] = "proceed",
        });

        Assert.Contains("force: false is refused for mode IMPORT on context .staging: the registry refuses the switch while live versions exist (1 subject(s) with live versions, e.g. :.staging:orders-value)", refused, StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Inherit_ThatLeavesASubjectReadOnlyThroughItsContext_IsDestructive()
    {
        await using var harness = await SeededAsync();
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            await seed.SetModeAsync(":.staging:orders-value", "READWRITE");
            await seed.SetModeAsync(":.staging:", "READONLY");
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["pattern"] = ":.staging:*", ["mode"] = "inherit", ["unknown_impact"] = "proceed" });
        var withoutDryRun = await client.CallExpectingErrorAsync("confirm_bulk_operation", Run(plan, "YES"));
        var run = await RunDestructiveAsync(client, plan);

        Assert.True(plan["destructive"]!.GetValue<bool>());
        Assert.Contains(":.staging:orders-value: mode READWRITE → (inherited)", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("inherit leaves 1 scope(s) kept from writing by the mode they inherit: :.staging:orders-value (READONLY from context .staging)", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("dry run", withoutDryRun, StringComparison.OrdinalIgnoreCase);
        var after = await harness.SnapshotAsync();
        Assert.Equal([":.staging:orders-value"], after.DifferencesFrom(before));
        Assert.Null(after.Subject(":.staging:orders-value")!["mode"]);
        await RestoreAsync(client, run);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task ReadWrite_OnAContext_IsNotDestructive_AndRunsWithAccept()
    {
        await using var harness = await SeededAsync();
        using (var seed = new RegistrySeeder(harness.Sandbox.BaseAddress))
        {
            await seed.SetModeAsync(":.staging:", "READONLY");
        }

        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = await PlanAsync(client, new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ":.staging:", ["mode"] = "readwrite" });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "accept"));

        Assert.False(plan["destructive"]!.GetValue<bool>());
        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["mode :.staging:"], after.DifferencesFrom(before));
        Assert.Equal("READWRITE", after.State["mode :.staging:"]!.Str("mode"));
    }

    [Fact]
    public async Task Refusals_NameTheFieldAndWhatIsAllowed_AndChangeNothing()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        async Task<string> Refused(Dictionary<string, object?> arguments) => await client.CallExpectingErrorAsync("bulk_configuration_update", arguments);

        Assert.EndsWith("pattern: only for scope 'subjects', not 'context': the context scope sets one setting above the subjects; leave pattern out.",
            await Refused(new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".staging", ["pattern"] = "orders-*", ["mode"] = "READONLY" }), StringComparison.Ordinal);
        Assert.EndsWith("mode: 'READONLY_OVERRIDE' is deprecated and acts as READONLY: use READONLY.",
            await Refused(new() { ["configuration_type"] = "mode", ["pattern"] = "orders-*", ["mode"] = "READONLY_OVERRIDE" }), StringComparison.Ordinal);
        Assert.EndsWith("mode: 'SOMETIMES' is not allowed: use one of READWRITE, READONLY, IMPORT, inherit.",
            await Refused(new() { ["configuration_type"] = "mode", ["pattern"] = "orders-*", ["mode"] = "SOMETIMES" }), StringComparison.Ordinal);
        Assert.Contains("mode: 'inherit' is not allowed for scope 'default_context'",
            await Refused(new() { ["configuration_type"] = "mode", ["scope"] = "default_context", ["mode"] = "inherit" }), StringComparison.Ordinal);
        Assert.EndsWith("context: missing for scope 'context'; give the context, e.g. .staging.",
            await Refused(new() { ["configuration_type"] = "mode", ["scope"] = "context", ["mode"] = "READONLY" }), StringComparison.Ordinal);
        Assert.EndsWith("context: '.' is the default context: use scope 'default_context'.",
            await Refused(new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".", ["mode"] = "READONLY" }), StringComparison.Ordinal);
        Assert.EndsWith("scope: 'everywhere' is not allowed: use one of subjects, context, default_context, all_contexts.",
            await Refused(new() { ["configuration_type"] = "mode", ["scope"] = "everywhere", ["mode"] = "READONLY" }), StringComparison.Ordinal);
        Assert.EndsWith("tags: only for configuration_type 'security', not 'mode'.",
            await Refused(new() { ["configuration_type"] = "mode", ["pattern"] = "orders-*", ["mode"] = "READONLY", ["tags"] = "$.id=PII" }), StringComparison.Ordinal);
        Assert.EndsWith("configuration_type: 'acl' is not allowed: use one of mode, security, retention, compliance.",
            await Refused(new() { ["configuration_type"] = "acl", ["pattern"] = "orders-*" }), StringComparison.Ordinal);
        Assert.EndsWith("unknown_impact: missing; give one of proceed, cancel.",
            await Refused(new() { ["configuration_type"] = "mode", ["pattern"] = "orders-*", ["mode"] = "READONLY" }), StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    internal static async Task<JsonNode> PlanAsync(McpClient client, Dictionary<string, object?> arguments)
    {
        var reply = await client.CallAsync("bulk_configuration_update", arguments);
        Assert.Equal("planned", reply.Str("status"));
        return reply["plan"]!;
    }

    /// <summary>The dry run, then YES: the run's reply, completed.</summary>
    internal static async Task<JsonObject> RunDestructiveAsync(McpClient client, JsonNode plan)
    {
        var dryRun = await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["wait_seconds"] = (int)Deadline.TotalSeconds });
        Assert.Equal("completed", dryRun.Str("status"));
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "YES"));
        Assert.Equal("completed", run.Str("status"));
        return run;
    }

    /// <summary>Restores the run's backup (a dry run, then YES), which must complete.</summary>
    internal static async Task RestoreAsync(McpClient client, JsonObject run)
    {
        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash"), ["wait_seconds"] = (int)Deadline.TotalSeconds });
        var restored = await client.CallAsync("confirm_bulk_operation", Run(restore, "YES"));
        Assert.Equal("completed", restored.Str("status"));
    }

    /// <summary>The run's backup as get_backup shows it: each entry's name and the mode it held (null: none of its own).</summary>
    private static async Task<IEnumerable<(string Name, string? Mode)>> BackedUpModesAsync(McpClient client, JsonObject run)
    {
        var backup = await client.CallAsync("get_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") });
        return backup["subjects"]!.AsArray().Select(s => s!).Select(s => (s.Str("name"), s["mode"]?.GetValue<string>()));
    }

    internal static Dictionary<string, object?> Run(JsonNode plan, string confirmation) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = false, ["wait_seconds"] = (int)Deadline.TotalSeconds,
    };

    private static IEnumerable<bool> Deleted(RegistrySnapshot snapshot, string subject) =>
        snapshot.Subject(subject)!["versions"]!.AsArray().Select(v => v!["deleted"]?.GetValue<bool>() ?? false);

    /// <summary>
    /// orders-value (2 versions), payments-value (1), :.staging:orders-value (1), and :.archive:old-value (1, soft-deleted):
    /// a context holding only soft-deleted versions.
    /// </summary>
    internal static async Task<WizardHarness> SeededAsync(SandboxProfile profile = SandboxProfile.Platform8)
    {
        var harness = await WizardHarness.StartAsync(new SandboxOptions { SeedDemoData = false, Profile = profile });
        using var seed = new RegistrySeeder(harness.Sandbox.BaseAddress);
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id", "total"));
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "id"));
        await seed.RegisterAsync(":.staging:orders-value", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.RegisterAsync(":.archive:old-value", RegistrySeeder.AvroRecord("Old", "id"));
        await seed.DeleteSubjectAsync(":.archive:old-value");
        return harness;
    }
}
