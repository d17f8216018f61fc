using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static BulkWizard.EndToEnd.Tests.Support.ElicitationScript;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Cleanups through the real server over stdio, against a Sandbox in a known state: the seed's questions, the exact
/// registry state after (live, soft-deleted, gone), and a restore of the cleanup's backup to the snapshot before.
/// No Kafka is configured here, so every impact verdict is "unknown" and must be accepted.
/// </summary>
public sealed class CleanupTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task SeedFlow_TestSchemas_SoftDeletedAfterTheImpactQuestionAndTypedYes(string? protocol)
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(
            Accept("cleanup_type", "test"),
            Accept("selection", "test"),
            AcceptAll(new() { ["permanent"] = false, ["remove_empty_context"] = false, ["remove_dangling_aliases"] = false, ["create_backup"] = "yes" }),
            Accept("view_details", true),
            Accept("unknown_impact", "proceed"),
            Accept("confirmation", "YES"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        var reply = await client.CallAsync("start_bulk_wizard", new() { ["operation_type"] = "cleanup" });

        var asked = script.Messages.ToList();
        Assert.Equal([WizardTexts.Get("cleanup_type"), WizardTexts.Get("select_cleanup_schemas"), WizardTexts.Get("cleanup_options"), WizardTexts.Get("preview", 2)], asked.Take(4));
        Assert.Equal(
            "Consumer impact is unknown for 2 subject(s): no Kafka cluster configured for registry 'lab': consumer impact was not checked. Proceed without knowing who reads them?",
            asked[4]);
        Assert.EndsWith(WizardTexts.Get("type_yes"), asked[5], StringComparison.Ordinal);
        Assert.Contains("test-ro: mode READONLY (subject): the registry refuses deletes", asked[5], StringComparison.Ordinal);
        Assert.Equal("completed", reply.Str("status"));

        var after = await harness.SnapshotAsync();
        Assert.Equal(["test-a", "test-b"], after.DifferencesFrom(before));
        Assert.Equal([true, true], Deleted(after, "test-a"));
        Assert.Equal([true, true], Deleted(after, "test-b"));
    }

    [Fact]
    public async Task PlanningTool_PurgeToTheLastVersions_DryRunThenYes_ThenRestoreGivesTheSnapshotBefore()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = (await client.CallAsync("bulk_schema_cleanup", new()
        {
            ["cleanup_type"] = "old_versions", ["pattern"] = "*-value", ["keep_last"] = 2, ["permanent"] = true, ["unknown_impact"] = "proceed",
        }))["plan"]!;
        var refused = await client.CallExpectingErrorAsync("confirm_bulk_operation", Run(plan, "YES"));
        var dryRun = await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "YES"));

        Assert.True(plan["destructive"]!.GetValue<bool>());
        Assert.Equal("Permanently delete versions older than the newest 2 of *-value", plan.Str("title"));
        Assert.Equal((1, 1), (plan.Number("changes"), plan.Number("skipped")));
        Assert.Contains("orders-value: soft-delete versions 1, 3; permanently delete versions 1, 2, 3; keeps versions 4, 5", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Contains("dry run", refused, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("completed", dryRun.Str("status"));
        Assert.Equal("completed", run.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value"], after.DifferencesFrom(before));
        Assert.Equal([4, 5], after.Subject("orders-value")!["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));

        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await client.CallAsync("confirm_bulk_operation", Run(restore, "YES"));

        Assert.Equal("completed", restored.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task PermanentCleanup_LiveAndSoftDeletedSubjects_Gone_ReferencedVersionKept_ThenRestored()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = (await client.CallAsync("bulk_schema_cleanup", new()
        {
            ["cleanup_type"] = "pattern", ["pattern"] = "test-*,base-*", ["permanent"] = true, ["include_deleted"] = true, ["unknown_impact"] = "proceed",
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "YES"));

        Assert.Equal("completed", run.Str("status"));
        Assert.Contains("base-user: version 1 kept: referenced by app-user version 1", plan.Str("preview"), StringComparison.Ordinal);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["test-a", "test-b", "test-gone"], after.DifferencesFrom(before));
        Assert.All(["test-a", "test-b", "test-gone"], s => Assert.Null(after.Subject(s)));
        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        Assert.Equal("completed", (await client.CallAsync("confirm_bulk_operation", Run(restore, "YES"))).Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task DeprecatedCleanup_ByPrefixAndByMetadata_SoftDeletesExactlyThose()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var plan = (await client.CallAsync("bulk_schema_cleanup", new() { ["cleanup_type"] = "deprecated", ["unknown_impact"] = "proceed" }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan, "YES"));

        var expected = before.State
            .Where(p => p.Value is JsonObject subject && subject["versions"] is JsonArray versions && !p.Key.StartsWith(':') &&
                versions.Any(v => v!["deleted"]?.GetValue<bool>() != true) &&
                (p.Key.StartsWith("deprecated-", StringComparison.Ordinal) || LatestLive(versions)["metadata"]?["properties"]?["deprecated"]?.GetValue<string>() == "true"))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal("completed", run.Str("status"));
        Assert.True(expected.Count >= 7, string.Join(", ", expected));
        var after = await harness.SnapshotAsync();
        Assert.Equal(expected, after.DifferencesFrom(before));
        Assert.All(expected, s => Assert.All(Deleted(after, s), Assert.True));
    }

    [Fact]
    public async Task PlanningTool_Refusals_NameTheFieldAndChangeNothing()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var unknownNotAccepted = await client.CallExpectingErrorAsync("bulk_schema_cleanup", new() { ["cleanup_type"] = "test" });
        var noBackup = await client.CallExpectingErrorAsync("bulk_schema_cleanup", new()
        {
            ["cleanup_type"] = "test", ["create_backup"] = false, ["rollback_on_error"] = false, ["unknown_impact"] = "proceed",
        });
        var keepLast = await client.CallExpectingErrorAsync("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["keep_last"] = 2 });
        var noPattern = await client.CallExpectingErrorAsync("bulk_schema_cleanup", new() { ["cleanup_type"] = "old_versions", ["keep_last"] = 2 });

        Assert.Contains("Consumer impact is unknown for 2 subject(s)", unknownNotAccepted, StringComparison.Ordinal);
        Assert.EndsWith("unknown_impact: missing; give one of proceed, cancel.", unknownNotAccepted, StringComparison.Ordinal);
        Assert.EndsWith("create_backup: false is refused for this plan: it is destructive (it deletes, or switches modes to READONLY or IMPORT) and without a backup nothing could put it back. Set create_backup to true.", noBackup, StringComparison.Ordinal);
        Assert.EndsWith("keep_last: only for cleanup_type 'old_versions', not 'test'.", keepLast, StringComparison.Ordinal);
        Assert.EndsWith("pattern: missing for cleanup_type 'old_versions'; give the subjects to clean up, e.g. orders-* or :.staging:*.", noPattern, StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task WizardWithoutForms_AnswersUpFront_PlannedThenCancelledAtTheImpactQuestion()
    {
        await using var harness = await SeededAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var reply = await client.CallAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "cleanup",
            ["answers"] = new JsonObject
            {
                ["cleanup_type"] = "deprecated", ["permanent"] = false, ["remove_empty_context"] = false, ["remove_dangling_aliases"] = false,
            },
        });
        var cancelled = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = reply.Str("session_id"), ["answers"] = new JsonObject { ["unknown_impact"] = "cancel" } });

        Assert.Equal("needs_input", reply.Str("status"));
        Assert.StartsWith("Consumer impact is unknown for 1 subject(s)", reply["question"]!.Str("message"), StringComparison.Ordinal);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.StartsWith("Cancelled: consumer impact could not be checked for 1 subject(s)", cancelled.Str("message"), StringComparison.Ordinal);
    }

    /// <summary>
    /// test-a (2 versions), test-b (v1 soft-deleted), test-gone (fully soft-deleted), test-ro (READONLY), orders-value
    /// (5 versions, v2 soft-deleted), payments-value (2), deprecated-x, base-user referenced by app-user.
    /// </summary>
    private static async Task<WizardHarness> SeededAsync()
    {
        var harness = await WizardHarness.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var seed = new RegistrySeeder(harness.Sandbox.BaseAddress);
        await seed.RegisterAsync("test-a", RegistrySeeder.AvroRecord("A", "f1"));
        await seed.RegisterAsync("test-a", RegistrySeeder.AvroRecord("A", "f1", "f2"));
        await seed.RegisterAsync("test-b", RegistrySeeder.AvroRecord("B", "f1"));
        await seed.RegisterAsync("test-b", RegistrySeeder.AvroRecord("B", "f1", "f2"));
        await seed.DeleteVersionAsync("test-b", 1);
        await seed.RegisterAsync("test-gone", RegistrySeeder.AvroRecord("Gone", "f1"));
        await seed.DeleteSubjectAsync("test-gone");
        await seed.RegisterAsync("test-ro", RegistrySeeder.AvroRecord("Ro", "f1"));
        await seed.SetModeAsync("test-ro", "READONLY");
        for (var v = 1; v <= 5; v++)
        {
            await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", [.. Enumerable.Range(1, v).Select(i => $"f{i}")]));
        }

        await seed.DeleteVersionAsync("orders-value", 2);
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "f1"));
        await seed.RegisterAsync("payments-value", RegistrySeeder.AvroRecord("Payment", "f1", "f2"));
        await seed.RegisterAsync("deprecated-x", RegistrySeeder.AvroRecord("X", "f1"));
        await seed.RegisterAsync("base-user", RegistrySeeder.AvroRecord("User", "f1"));
        await seed.RegisterWithReferenceAsync("app-user", """{"type":"record","name":"App","fields":[{"name":"user","type":"User"}]}""", "User", "base-user", 1);
        return harness;
    }

    private static Dictionary<string, object?> Run(JsonNode plan, string confirmation) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = false, ["wait_seconds"] = (int)Deadline.TotalSeconds,
    };

    private static JsonNode LatestLive(JsonArray versions) => versions.Last(v => v!["deleted"]?.GetValue<bool>() != true)!;

    private static List<bool> Deleted(RegistrySnapshot snapshot, string subject) =>
        [.. snapshot.Subject(subject)!["versions"]!.AsArray().Select(v => v!["deleted"]?.GetValue<bool>() == true)];

    private static Func<ElicitRequestParams, ElicitResult> AcceptAll(Dictionary<string, object> fields) =>
        _ => new ElicitResult { Action = "accept", Content = fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value)) };
}
