using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Bad input across every tool and the wizard's answers: each gets a clear error naming the argument and what is
/// allowed, and the registry is the same after all of them.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private SandboxRegistry _sandbox = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions());
        _data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>(tool, arguments, what the error must say).</summary>
    public static IEnumerable<(string Tool, JsonObject Arguments, string Says)> Cases() =>
    [
        ("get_registry_inventory", new() { ["registry"] = "nope" }, "registry: Registry 'nope' is not configured. Configured registries: lab."),
        ("get_registry_inventory", new() { ["pattern"] = ":.staging" }, "pattern"),
        ("bulk_schema_update", new() { ["pattern"] = "", ["compatibility"] = "FULL" }, "pattern"),
        ("bulk_schema_update", new() { ["pattern"] = "nomatch-*", ["compatibility"] = "FULL" }, "pattern"),
        ("bulk_schema_update", new() { ["pattern"] = "tset-*", ["compatibility"] = "FULL" }, "pattern: 'tset-*' selects no subject of registry 'lab'"),
        ("bulk_schema_update", new() { ["pattern"] = "tset-*", ["compatibility"] = "FULL" }, "; the closest names are test-"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "SUPER" }, "compatibility: 'SUPER'"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["batch_size"] = 0 }, "batch_size"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["batch_size"] = -5 }, "batch_size"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["batch_size"] = 10_000_000 }, "batch_size"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["delay_between_batches"] = -1 }, "delay_between_batches"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["max_parallel"] = 0 }, "max_parallel"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["update_type"] = "colour" }, "update_type: 'colour'"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["registry"] = "nope" }, "registry: Registry 'nope' is not configured. Configured registries: lab."),
        ("bulk_schema_update", new() { ["pattern"] = "test-\u0001*", ["compatibility"] = "FULL" }, "pattern: control character U+0001 at position 6 is not allowed"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["update_type"] = "naming", ["convention"] = "shouting" }, "convention"),
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["update_type"] = "metadata", ["metadata_action"] = "explode" }, "metadata_action"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "purge" }, "cleanup_type: 'purge'"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "old_versions", ["pattern"] = "test-*", ["keep_last"] = 0 }, "keep_last"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "old_versions", ["pattern"] = "test-*" }, "keep_last"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["keep_last"] = 2 }, "keep_last"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["producers_action"] = "maybe" }, "producers_action"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "pattern", ["pattern"] = "nomatch-*" }, "pattern"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "pattern" }, "pattern"),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["sample_per_partition"] = 0 }, "sample_per_partition"),
        ("bulk_schema_migration", new() { ["migration_type"] = "teleport", ["pattern"] = "test-*" }, "migration_type: 'teleport'"),
        ("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = "test-*", ["target_context"] = "." }, "target_context"),
        ("bulk_schema_migration", new() { ["migration_type"] = "registry", ["pattern"] = "test-*", ["target_registry"] = "nope" }, "'nope'"),
        ("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = "test-*", ["target_context"] = ".copy", ["source_after"] = "shred" }, "source_after"),
        ("bulk_schema_migration", new() { ["migration_type"] = "archive", ["pattern"] = "test-*", ["older_than"] = "yesterday" }, "older_than"),
        ("bulk_schema_migration", new() { ["migration_type"] = "archive", ["pattern"] = "test-*", ["keep_last"] = 0 }, "keep_last"),
        ("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = ":.other:x-*", ["target_context"] = ".copy" }, "pattern"),
        ("bulk_configuration_update", new() { ["configuration_type"] = "acl", ["pattern"] = "test-*" }, "configuration_type: 'acl'"),
        ("bulk_configuration_update", new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".staging", ["pattern"] = "test-*", ["mode"] = "READONLY" }, "pattern: only for scope 'subjects'"),
        ("bulk_configuration_update", new() { ["configuration_type"] = "mode", ["pattern"] = "test-*", ["mode"] = "READONLY_OVERRIDE" }, "mode: 'READONLY_OVERRIDE'"),
        ("bulk_configuration_update", new() { ["configuration_type"] = "security", ["pattern"] = "test-*", ["rule_set"] = "{not json" }, "rule_set: not JSON"),
        ("bulk_configuration_update", new() { ["configuration_type"] = "retention", ["scope"] = "all_contexts", ["keep_last"] = 0 }, "keep_last: 0"),
        ("bulk_configuration_update", new() { ["configuration_type"] = "compliance", ["scope"] = "default_context", ["fix"] = "everything" }, "fix: 'everything'"),
        ("start_bulk_wizard", new() { ["operation_type"] = "configuration", ["answers"] = new JsonObject { ["scope"] = "everywhere" } }, "scope: 'everywhere'"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "plan_0000000000000000", ["plan_hash"] = "abc" }, "plan_id"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "../../etc/passwd", ["plan_hash"] = "abc" }, "plan_id"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "plan_0000000000000000", ["plan_hash"] = "abc", ["dry_run"] = false, ["start_at"] = "tonight" }, "start_at: 'tonight' is not a time in ISO 8601 with its offset; give a UTC time such as 2026-12-24T22:00:00Z"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "plan_0000000000000000", ["plan_hash"] = "abc", ["dry_run"] = false, ["start_at"] = "2030-01-01T22:00:00" }, "start_at: '2030-01-01T22:00:00' is not a time in ISO 8601 with its offset"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "plan_0000000000000000", ["plan_hash"] = "abc", ["dry_run"] = false, ["start_at"] = "2020-01-01T22:00:00Z" }, "start_at: 2020-01-01T22:00:00Z is not in the future"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "plan_0000000000000000", ["plan_hash"] = "abc", ["dry_run"] = false, ["start_at"] = "2099-01-01T22:00:00Z" }, "start_at: 2099-01-01T22:00:00Z is more than 30 days ahead; give a time no later than"),
        ("confirm_bulk_operation", new() { ["plan_id"] = "plan_0000000000000000", ["plan_hash"] = "abc", ["start_at"] = "2099-01-01T22:00:00Z" }, "start_at: only a real run is scheduled; give dry_run false"),
        ("get_bulk_plan", new() { ["plan_id"] = "plan_0000000000000000" }, "plan_id"),
        ("get_bulk_plan", new() { ["plan_id"] = "..\\..\\plans" }, "plan_id"),
        ("get_task_status", new() { ["task_id"] = "task_nope" }, "task_id"),
        ("get_task_status", new() { ["task_id"] = "../../x" }, "task_id"),
        ("cancel_task", new() { ["task_id"] = "task_nope" }, "task_id"),
        ("get_backup", new() { ["backup_id"] = "bk_bad" }, "backup_id"),
        ("get_backup", new() { ["backup_id"] = "../../plans" }, "backup_id"),
        ("restore_backup", new() { ["backup_id"] = "bk_20261202T050000Z_00000000" }, "backup_id"),
        ("bulk_wizard_answer", new() { ["session_id"] = "wiz_nope", ["answers"] = new JsonObject() }, "session_id"),
        ("start_bulk_wizard", new() { ["operation_type"] = "teleport" }, "operation_type: 'teleport'"),
        ("start_bulk_wizard", new() { ["operation_type"] = "schema_update", ["registry"] = "nope" }, "registry: Registry 'nope' is not configured. Configured registries: lab."),
        ("start_bulk_wizard", new() { ["operation_type"] = "schema_update", ["batch_size"] = 0 }, "batch_size"),
        ("start_bulk_wizard", new() { ["operation_type"] = "cleanup", ["answers"] = new JsonObject { ["cleanup_type"] = "purge" } }, "cleanup_type: 'purge'"),
        ("start_bulk_wizard", new() { ["operation_type"] = "migration", ["answers"] = new JsonObject { ["colour"] = "red" } }, "colour"),
        ("check_naming", new() { ["pattern"] = "test-*", ["convention"] = "shouting" }, "convention"),
        ("check_naming", new() { ["pattern"] = "", ["convention"] = "kebab_case" }, "pattern"),
        ("check_consumer_impact", new() { ["pattern"] = "test-*", ["sample_per_partition"] = 0 }, "sample_per_partition"),
        ("compare_registries", new() { ["source_registry"] = "lab", ["target_registry"] = "nope", ["pattern"] = "*" }, "'nope'"),
        ("compare_registries", new() { ["source_registry"] = "lab", ["target_registry"] = "lab", ["pattern"] = "*", ["target_context"] = ".copy", ["limit"] = -1 }, "limit"),
        ("check_compliance", new() { ["pattern"] = "test-*", ["registry"] = "nope" }, "registry: Registry 'nope' is not configured. Configured registries: lab."),
        ("check_retention", new() { ["pattern"] = "test-[" }, "pattern"),
        ("recover_operation", new() { ["operation_id"] = "../plans", ["action"] = "rollback" }, "operation_id"),
        ("recover_operation", new() { ["operation_id"] = "bk_20261202T050000Z_00000000", ["action"] = "redo" }, "action: 'redo'"),
    ];

    [Fact]
    public async Task EveryBadInput_IsRefusedNamingTheArgument_AndTheRegistryIsUnchanged()
    {
        var before = await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var wrong = new List<string>();
        var cases = Cases().ToList();
        foreach (var (tool, arguments, says) in cases)
        {
            var result = await client.CallToolAsync(tool, arguments.ToDictionary(p => p.Key, p => (object?)p.Value));
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
            if (result.IsError != true || !text.Contains(says, StringComparison.Ordinal))
            {
                wrong.Add($"{tool}({arguments.ToJsonString()}): {(result.IsError == true ? "error" : "no error")} \"{text}\" does not say \"{says}\"");
            }
        }

        wrong.AddRange(await ConfirmationMistakesAsync(client));

        Assert.True(cases.Count >= 50, $"{cases.Count} cases");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_sandbox.BaseAddress)).DifferencesFrom(before));
    }

    /// <summary>A destructive plan confirmed with a wrong YES, then without its dry run, and a plan confirmed twice.</summary>
    private static async Task<IEnumerable<string>> ConfirmationMistakesAsync(McpClient client)
    {
        var wrong = new List<string>();
        var destructive = (await client.CallAsync("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["unknown_impact"] = "proceed" }))["plan"]!;
        var confirm = new Dictionary<string, object?> { ["plan_id"] = destructive.Str("plan_id"), ["plan_hash"] = destructive.Str("plan_hash"), ["dry_run"] = false };
        var inAnHour = DateTimeOffset.UtcNow.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Expect(wrong, "real run before its dry run", await client.CallExpectingErrorAsync("confirm_bulk_operation", new(confirm) { ["confirmation"] = "YES" }), "dry_run");
        Expect(wrong, "scheduled before its dry run", await client.CallExpectingErrorAsync("confirm_bulk_operation", new(confirm) { ["confirmation"] = "YES", ["start_at"] = inAnHour }), "dry_run: plan");
        await client.CallAsync("confirm_bulk_operation", new(confirm) { ["dry_run"] = true, ["wait_seconds"] = 50 });
        Expect(wrong, "YES typed wrong", await client.CallExpectingErrorAsync("confirm_bulk_operation", new(confirm) { ["confirmation"] = "yes" }), "confirmation: this plan is destructive; type YES exactly");
        Expect(wrong, "YES typed wrong, scheduled", await client.CallExpectingErrorAsync("confirm_bulk_operation", new(confirm) { ["confirmation"] = "yes", ["start_at"] = inAnHour }), "confirmation: this plan is destructive; type YES exactly");
        Expect(wrong, "wrong hash", await client.CallExpectingErrorAsync("confirm_bulk_operation", new(confirm) { ["plan_hash"] = "0000", ["confirmation"] = "YES" }), "plan_hash");

        var harmless = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "BACKWARD", ["dry_run"] = true }))["plan"]!;
        var run = new Dictionary<string, object?> { ["plan_id"] = harmless.Str("plan_id"), ["plan_hash"] = harmless.Str("plan_hash"), ["confirmation"] = "maybe", ["dry_run"] = false };
        Expect(wrong, "confirmation neither accept nor YES", await client.CallExpectingErrorAsync("confirm_bulk_operation", run), "confirmation: give 'accept'");
        return wrong;
    }

    private static void Expect(List<string> wrong, string what, string text, string says)
    {
        if (!text.Contains(says, StringComparison.Ordinal))
        {
            wrong.Add($"{what}: \"{text}\" does not say \"{says}\"");
        }
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["SCHEMA_REGISTRY_NAME"] = "lab",
        ["SCHEMA_REGISTRY_URL"] = _sandbox.BaseAddress.ToString(),
        ["BulkWizard__DataDirectory"] = _data,
    };
}
