using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>Backups in a directory shared by two servers, restored by the one that did not take them; the retention policy after a run.</summary>
public sealed class SharedBackupsTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-shared-" + Guid.NewGuid().ToString("N"));

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private Dictionary<string, string> Server(WizardHarness harness, string machine, Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>(harness.Settings)
        {
            ["BulkWizard__DataDirectory"] = Path.Combine(_root, machine),
            ["BulkWizard__BackupDirectory"] = Path.Combine(_root, "shared-backups"),
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<JsonObject> RunAsync(McpClient client, JsonNode plan, string confirmation = "accept")
    {
        var run = await client.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = false, ["wait_seconds"] = 20,
        });
        return run["task"]!.Str("status") == "running" ? await client.WaitFinishedAsync(run["task"]!.Str("task_id"), Deadline) : run["task"]!.AsObject();
    }

    [Fact]
    public async Task BackupTakenByOneServer_IsListedAndRestoredByAnother()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        string backupId;
        await using (var first = await ServerLauncher.ConnectAsync(Server(harness, "machine-a")))
        {
            var plan = (await first.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FORWARD" }))["plan"]!;
            var run = await RunAsync(first, plan);
            Assert.Equal("completed", run.Str("status"));
            backupId = run["result"]!.Str("backup_id");
        }

        await using var second = await ServerLauncher.ConnectAsync(Server(harness, "machine-b"));
        var listed = (await second.CallAsync("list_backups"))["backups"]!.AsArray().Select(b => b!.Str("id"));
        var restore = (await second.CallAsync("restore_backup", new() { ["backup_id"] = backupId }))["plan"]!;
        var dryRun = await second.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await RunAsync(second, restore, confirmation: "YES");

        Assert.Equal([backupId], listed);
        Assert.Equal("completed", dryRun.Str("status"));
        Assert.Equal("completed", restored.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task RetentionAfterARun_RemovesTheBackupNothingNeedsAnyMore_AndAuditsIt()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(Server(harness, "machine-a", new() { ["BulkWizard__BackupRetention__MaxCount"] = "1" }));
        var failing = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "NONE", ["rollback_on_error"] = true, ["batch_size"] = 2 }))["plan"]!;
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = failing.Str("plan_id") });
        var victim = page["changes"]!.AsArray()[^1]!.Str("subject");
        using (var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress })
        {
            (await http.PutAsJsonAsync($"mode/{Uri.EscapeDataString(victim)}", new { mode = "READONLY" })).EnsureSuccessStatusCode();
        }

        var rolledBack = await RunAsync(client, failing);
        var firstBackup = rolledBack["result"]!.Str("backup_id");
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "orders-*", ["compatibility"] = "NONE" }))["plan"]!;
        var completed = await RunAsync(client, plan);
        var listed = (await client.CallAsync("list_backups"))["backups"]!.AsArray().Select(b => b!.Str("id"));
        var audit = (await client.CallAsync("get_audit_log"))["entries"]!.AsArray().Select(e => e!).ToList();

        Assert.Equal("rolled_back", rolledBack.Str("status"));
        Assert.Equal("completed", completed.Str("status"));
        Assert.Equal([completed["result"]!.Str("backup_id")], listed);
        var retention = Assert.Single(audit, e => e.Str("operation") == "backup_retention");
        Assert.Equal(
            $"removed by the backup retention policy (after backup {completed["result"]!.Str("backup_id")}): {firstBackup} (beyond the newest 1)",
            retention.Str("selection"));
    }
}
