using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using static BulkWizard.EndToEnd.Tests.Support.ElicitationScript;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>Naming conventions (by alias) and metadata updates, through the real server, with their undo.</summary>
public sealed class SchemaUpdateTypesTests
{
    private static async Task<WizardHarness> StartAsync(Func<RegistrySeeder, Task> seed)
    {
        var harness = await WizardHarness.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var seeder = new RegistrySeeder(harness.Sandbox.BaseAddress);
        await seed(seeder);
        return harness;
    }

    private static async Task SeedOrdersAsync(RegistrySeeder seed)
    {
        await seed.RegisterAsync("OrdersEvents-value", RegistrySeeder.AvroRecord("OrderEvent", "id"));
        await seed.RegisterAsync("OrdersEvents-value", RegistrySeeder.AvroRecord("OrderEvent", "id", "total"));
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "id"));
    }

    [Fact]
    public async Task CheckNaming_ReportsViolationWithSuggestionAndChangesNothing()
    {
        await using var harness = await StartAsync(SeedOrdersAsync);
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var report = await client.CallAsync("check_naming", new() { ["pattern"] = "*", ["convention"] = "kebab_case" });

        Assert.Equal(("lab", 2, 1), (report.Str("registry"), report.Number("checked"), report.Number("conforming")));
        var violation = report["violations"]!.AsArray().Single()!;
        Assert.Equal(("OrdersEvents-value", "orders-events-value"), (violation.Str("subject"), violation.Str("suggested_name")));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task NamingByAlias_ProducersReadAndWriteThroughAliasAndRestoreRemovesIt(string? protocol)
    {
        await using var harness = await StartAsync(SeedOrdersAsync);
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(Accept("view_details", true), Accept("decision", "proceed"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        var reply = await client.CallAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "schema_update", ["pattern"] = "*", ["update_type"] = "naming", ["convention"] = "kebab_case",
        });

        Assert.Equal("completed", reply.Str("status"));
        Assert.Equal(WizardTexts.Get("preview", 1), script.Asked[0].Message);
        Assert.Contains("read AND write", script.Asked[1].Message, StringComparison.OrdinalIgnoreCase);
        using var seed = new RegistrySeeder(harness.Sandbox.BaseAddress);
        var throughAlias = await seed.GetAsync("subjects/orders-events-value/versions/latest");
        Assert.Equal(("OrdersEvents-value", 2), (throughAlias!.Str("subject"), throughAlias!.Number("version")));
        await seed.RegisterAsync("orders-events-value", RegistrySeeder.AvroRecord("OrderEvent", "id", "total", "currency"));
        Assert.Equal(3, (await seed.GetAsync("subjects/OrdersEvents-value/versions/latest"))!.Number("version"));
        await seed.DeleteVersionPermanentlyAsync("OrdersEvents-value", 3);

        var backupId = reply["task"]!["result"]!.Str("backup_id");
        await using var assistant = await ServerLauncher.ConnectAsync(harness.Settings, protocol);
        var restore = (await assistant.CallAsync("restore_backup", new() { ["backup_id"] = backupId }))["plan"]!;
        await assistant.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await assistant.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash"), ["confirmation"] = "YES", ["dry_run"] = false,
        });

        Assert.Equal("completed", restored.Str("status"));
        Assert.Null(await seed.GetAsync("config/orders-events-value"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task NamingByAlias_NameWithVersionsIsRefused()
    {
        await using var harness = await StartAsync(async seed =>
        {
            await SeedOrdersAsync(seed);
            await seed.RegisterAsync("orders-events-value", RegistrySeeder.AvroRecord("Other", "id"));
            await seed.DeleteSubjectAsync("orders-events-value");
        });
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = (await client.CallAsync("bulk_schema_update", new()
        {
            ["pattern"] = "OrdersEvents-value", ["update_type"] = "naming", ["convention"] = "kebab_case",
        }))["plan"]!;
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });

        Assert.Equal(0, plan.Number("changes"));
        var skipped = page["skipped"]!.AsArray().Single()!;
        Assert.Equal("OrdersEvents-value", skipped.Str("subject"));
        Assert.Contains("orders-events-value", skipped.Str("reason"), StringComparison.Ordinal);
        Assert.Contains("version", skipped.Str("reason"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task Metadata_AddChangeRemove_NewVersionsAndIdsThenRestoreGivesSnapshotBefore(string? protocol)
    {
        await using var harness = await StartAsync(SeedOrdersAsync);
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings, protocol);
        using var seed = new RegistrySeeder(harness.Sandbox.BaseAddress);
        var backups = new List<string>();
        async Task<JsonNode> RunAsync(string action, string key, string? value)
        {
            var plan = (await client.CallAsync("bulk_schema_update", new()
            {
                ["pattern"] = "*", ["update_type"] = "metadata", ["metadata_target"] = "latest_versions",
                ["metadata_action"] = action, ["metadata_key"] = key, ["metadata_value"] = value,
            }))["plan"]!;
            var run = await client.CallAsync("confirm_bulk_operation", new()
            {
                ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false,
            });
            Assert.True(run.Str("status") == "completed", $"{action} {key}: {run["task"]!["result"]?.ToJsonString()}");
            backups.Add(run["task"]!["result"]!.Str("backup_id"));
            return plan;
        }

        var added = await RunAsync("set_property", "owner", "team-a");
        var afterAdd = await seed.GetAsync("subjects/payments-value/versions/latest");
        var changed = await RunAsync("set_property", "owner", "team-b");
        await RunAsync("set_property", "tier", "gold");
        var removed = await RunAsync("remove_property", "owner", null);
        var afterRemove = await seed.GetAsync("subjects/payments-value/versions/latest");
        var emptied = (await client.CallAsync("bulk_schema_update", new()
        {
            ["pattern"] = "*", ["update_type"] = "metadata", ["metadata_target"] = "latest_versions", ["metadata_action"] = "remove_property", ["metadata_key"] = "tier",
        }))["plan"]!;
        var emptiedPage = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = emptied.Str("plan_id") });

        Assert.Contains("creates 2 new version(s) and 2 new schema id(s)", string.Join(" ", added["warnings"]!.AsArray()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("team-a", 2), (afterAdd!["metadata"]!["properties"]!["owner"]!.GetValue<string>(), afterAdd.Number("version")));
        Assert.Equal(2, changed.Number("changes"));
        Assert.Equal(2, removed.Number("changes"));
        Assert.Equal(5, afterRemove!.Number("version"));
        Assert.Null(afterRemove!["metadata"]!["properties"]!["owner"]);
        Assert.Equal("gold", afterRemove["metadata"]!["properties"]!["tier"]!.GetValue<string>());
        // Removing the last property sends an empty metadata object, which the registry hashes as a schema of its own
        // (not the version without metadata): a new version for each subject, none skipped.
        Assert.Equal(2, emptied.Number("changes"));
        Assert.Empty(emptiedPage["skipped"]!.AsArray());
        var ids = new List<int>();
        for (var version = 1; version <= 5; version++)
        {
            ids.Add((await seed.GetAsync($"subjects/payments-value/versions/{version}"))!.Number("id"));
        }

        Assert.Equal(5, ids.Distinct().Count());

        foreach (var backupId in Enumerable.Reverse(backups))
        {
            var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = backupId }))["plan"]!;
            await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
            var restored = await client.CallAsync("confirm_bulk_operation", new()
            {
                ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash"), ["confirmation"] = "YES", ["dry_run"] = false,
            });
            Assert.True(restored.Str("status") == "completed", $"restore {backupId}: {restored["task"]!["result"]?.ToJsonString()}");
        }

        var differences = (await harness.SnapshotAsync()).DifferencesFrom(before);
        Assert.Empty(differences);
    }

    [Fact]
    public async Task Metadata_KeySetByOverrideMetadata_ReportedNotRemovable()
    {
        await using var harness = await StartAsync(async seed =>
        {
            await SeedOrdersAsync(seed);
            await seed.PutConfigAsync("payments-value", new JsonObject
            {
                ["overrideMetadata"] = new JsonObject { ["properties"] = new JsonObject { ["team"] = "payments" } },
            });
            await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "id", "amount"));
        });
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = (await client.CallAsync("bulk_schema_update", new()
        {
            ["pattern"] = "payments-value", ["update_type"] = "metadata", ["metadata_target"] = "latest_versions",
            ["metadata_action"] = "remove_property", ["metadata_key"] = "team",
        }))["plan"]!;
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });

        Assert.Equal(0, plan.Number("changes"));
        Assert.Contains("not removable", page["skipped"]!.AsArray().Single()!.Str("reason"), StringComparison.Ordinal);
    }
}
