using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// The tool results no other test produces, each checked against its declared output schema by the client
/// (<see cref="ValidatingTransport"/>): empty and damaged listings, an unreachable registry, a run followed
/// from start to restore, and the text block a model reads.
/// </summary>
public sealed class ResultPathsTests(SharedServer server) : IClassFixture<SharedServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private McpClient Client => server.Client;

    [Fact]
    public async Task ListRegistries_SecondRegistryOnClosedPort_UnreachableWithReasonAndNullVersion()
    {
        var registries = (await Client.CallAsync("list_registries"))["registries"]!.AsArray();

        var lab = registries.Single(r => r!.Str("name") == "lab")!.AsObject();
        var offline = registries.Single(r => r!.Str("name") == "offline")!.AsObject();
        Assert.Equal((true, true), (lab["reachable"]!.GetValue<bool>(), lab["default"]!.GetValue<bool>()));
        Assert.True(lab.ContainsKey("error") && lab["error"] is null);
        Assert.Equal((false, false), (offline["reachable"]!.GetValue<bool>(), offline["default"]!.GetValue<bool>()));
        Assert.False(string.IsNullOrWhiteSpace(offline.Str("error")));
        Assert.True(offline.ContainsKey("version") && offline["version"] is null);
        Assert.True(offline.ContainsKey("capabilities") && offline["capabilities"] is null);
    }

    [Fact]
    public async Task GetRegistryInventory_WithAndWithoutPattern_PatternEchoedOrNull()
    {
        var all = await Client.CallAsync("get_registry_inventory");
        var selected = await Client.CallAsync("get_registry_inventory", new() { ["pattern"] = "test-*" });

        Assert.True(all.ContainsKey("pattern") && all["pattern"] is null);
        Assert.Equal("test-*", selected.Str("pattern"));
        Assert.InRange(selected.Number("subjects"), 1, all.Number("subjects") - 1);
    }

    [Fact]
    public async Task CheckNaming_RecordConvention_EachViolationSuggestsANameOrSaysWhyNot()
    {
        var report = await Client.CallAsync("check_naming", new() { ["pattern"] = ":*:*", ["convention"] = "record_name" });

        var violations = report["violations"]!.AsArray();
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.True(v!["suggested_name"] is not null ^ v["no_suggestion_reason"] is not null, v.ToJsonString()));
    }

    [Fact]
    public async Task FreshDataDirectory_NoTasksNoBackupsThenDamagedBackupListedWithItsProblem()
    {
        var settings = server.Settings;
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
        settings["BulkWizard__DataDirectory"] = data;
        try
        {
            await using var client = await ServerLauncher.ConnectAsync(settings);
            var tasks = await client.CallAsync("list_tasks");
            var backups = await client.CallAsync("list_backups");
            const string damaged = "bk_20260101T000000Z_0badc0de";
            Directory.CreateDirectory(Path.Combine(data, "backups", damaged));

            var listed = (await client.CallAsync("list_backups"))["backups"]!.AsArray().Single()!;
            var detail = await client.CallExpectingErrorAsync("get_backup", new() { ["backup_id"] = damaged });

            Assert.Empty(tasks["tasks"]!.AsArray());
            Assert.Empty(backups["backups"]!.AsArray());
            Assert.Equal((damaged, 0), (listed.Str("id"), listed.Number("subject_count")));
            Assert.Contains("backup.json is missing", listed.Str("problem"), StringComparison.Ordinal);
            Assert.Contains($"backup_id: Backup '{damaged}' is damaged", detail, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Run_FollowedToItsEnd_ListedWithItsBackupAndRestoredToTheStateBefore()
    {
        var before = await server.Harness.SnapshotAsync();
        var plan = (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = ":.staging:*", ["compatibility"] = "NONE" }))["plan"]!;
        var lastPage = await Client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id"), ["page"] = 2, ["page_size"] = 4 });
        var dryRun = await Client.CallAsync("confirm_bulk_operation", Confirm(plan, dryRun: true));
        var started = await Client.CallAsync("confirm_bulk_operation", Confirm(plan, dryRun: false, confirmation: "accept", waitSeconds: 0));
        var taskId = started["task"]!.Str("task_id");
        var status = await Client.CallAsync("get_task_status", new() { ["task_id"] = taskId });
        var finished = await Client.WaitFinishedAsync(taskId, Deadline);
        var backupId = finished["result"]!.Str("backup_id");
        var tasks = (await Client.CallAsync("list_tasks"))["tasks"]!.AsArray();
        var labBackups = (await Client.CallAsync("list_backups", new() { ["registry"] = "lab" }))["backups"]!.AsArray();
        var offlineBackups = (await Client.CallAsync("list_backups", new() { ["registry"] = "offline" }))["backups"]!.AsArray();
        var backup = await Client.CallAsync("get_backup", new() { ["backup_id"] = backupId });
        var restore = (await Client.CallAsync("restore_backup", new() { ["backup_id"] = backupId }))["plan"]!;
        var refused = await Client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(restore, dryRun: false, confirmation: "YES"));
        await Client.CallAsync("confirm_bulk_operation", Confirm(restore, dryRun: true));
        var restored = await Client.CallAsync("confirm_bulk_operation", Confirm(restore, dryRun: false, confirmation: "YES"));

        Assert.Equal((2, 2, 6), (lastPage.Number("page"), lastPage.Number("pages"), lastPage.Number("total_changes")));
        Assert.Equal(2, lastPage["changes"]!.AsArray().Count);
        Assert.Empty(lastPage["skipped"]!.AsArray());
        var dryResult = dryRun["task"]!["result"]!.AsObject();
        Assert.Equal(("completed", true, 6), (dryRun.Str("status"), dryResult["dry_run"]!.GetValue<bool>(), dryResult.Number("would_apply")));
        Assert.True(dryResult.ContainsKey("backup_id") && dryResult["backup_id"] is null);
        Assert.Equal(taskId, status.Str("task_id"));
        Assert.Equal(("completed", 6), (finished.Str("status"), finished["result"]!.Number("applied")));
        Assert.True(finished["result"]!.AsObject().ContainsKey("error") && finished["result"]!["error"] is null);
        Assert.Contains(tasks, t => t!.Str("task_id") == taskId);
        Assert.Contains(labBackups, b => b!.Str("id") == backupId && b!["problem"] is null);
        Assert.Empty(offlineBackups);
        Assert.Equal(6, backup["subjects"]!.AsArray().Count);
        Assert.All(backup["subjects"]!.AsArray(), s => Assert.StartsWith(":.staging:", s!.Str("name"), StringComparison.Ordinal));
        Assert.True(restore["destructive"]!.GetValue<bool>());
        Assert.Contains("run it with dry_run true first", refused, StringComparison.Ordinal);
        Assert.Equal("completed", restored.Str("status"));
        Assert.Empty((await server.Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task BulkSchemaUpdate_TextBlock_ArrowsQuotesAndEllipsisAsThemselvesAndSameJsonAsStructuredContent()
    {
        var result = await Client.CallToolAsync("bulk_schema_update", new Dictionary<string, object?> { ["pattern"] = "test-*", ["compatibility"] = "FULL" });

        var text = Assert.Single(result.Content.OfType<TextContentBlock>()).Text;
        Assert.Contains("test-subject-01: inherited from global: BACKWARD → FULL", text, StringComparison.Ordinal);
        Assert.Contains("on registry 'lab'", text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.Contains("confirm_bulk_operation(plan_id: \\\"plan_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(result.StructuredContent!.Value.GetRawText())));
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task ToolsList_ViewOnlyServerAndFormsClient_SameOutputSchemasAsTheCheckUses(string? protocol)
    {
        var settings = server.Settings;
        settings["VIEWONLY"] = "true";
        settings["BulkWizard__Safety__RequireElicitationForDestructive"] = "true";
        await using var client = await ServerLauncher.ConnectWithFormsAsync(settings, protocol, new ElicitationScript());

        var listed = (await client.ListToolsAsync()).Where(t => t.ProtocolTool.OutputSchema is not null).ToDictionary(t => t.Name, t => t.ProtocolTool.OutputSchema!.Value);

        var reference = (await OutputSchemas.ForAsync(protocol)).Declared;
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(reference, r => Assert.True(System.Text.Json.JsonElement.DeepEquals(r.Value, listed[r.Key]), r.Key));
    }

    private static Dictionary<string, object?> Confirm(JsonNode plan, bool dryRun, string? confirmation = null, int waitSeconds = 20) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = dryRun, ["wait_seconds"] = waitSeconds,
    };
}
