using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Protocol;
using static BulkWizard.EndToEnd.Tests.Support.ElicitationScript;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Migrations through the real server over stdio, between two Sandbox registries and between two contexts of one:
/// ids, versions and references preserved, the questions asked, the registries after, and undo of both sides.
/// </summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private SandboxRegistry _source = null!;
    private SandboxRegistry _target = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _source = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _target = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
        using var seed = new RegistrySeeder(_source.BaseAddress);
        await seed.RegisterAsync("common-address", RegistrySeeder.AvroRecord("Address", "street"));
        await seed.RegisterAsync("common-address", RegistrySeeder.AvroRecord("Address", "street", "city"));
        await seed.RegisterWithReferenceAsync("customer-value", """{"type":"record","name":"Customer","fields":[{"name":"home","type":"Address"}]}""", "Address", "common-address", 2);
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.SetCompatibilityAsync("orders-value", "FULL");
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
    public async Task RegistryMigration_IdsVersionsReferencesPreserved_CompareRegistriesFindsThemIdentical_ThenRestoreEmptiesTheTarget()
    {
        var sourceBefore = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var targetBefore = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "registry", ["pattern"] = "*", ["source_registry"] = "source", ["target_registry"] = "target",
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));

        Assert.True(plan["destructive"]!.GetValue<bool>());
        Assert.Equal(3, plan.Number("changes"));
        Assert.Contains("common-address → common-address on registry 'target': import version(s) 1 (id 1), 2 (id 2)", plan.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("completed", run.Str("status"));
        var source = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var target = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        Assert.Empty(source.DifferencesFrom(sourceBefore));
        foreach (var subject in new[] { "common-address", "customer-value", "orders-value" })
        {
            Assert.True(JsonNode.DeepEquals(source.Subject(subject), target.Subject(subject)), $"{subject}: {source.Subject(subject)} vs {target.Subject(subject)}");
        }

        var compared = await client.CallAsync("compare_registries", new() { ["source_registry"] = "source", ["target_registry"] = "target", ["pattern"] = "*" });
        Assert.True(compared["identical"]!.GetValue<bool>(), compared.ToJsonString());
        Assert.Equal((3, 4, 0, 0, 0), (compared.Number("subjects_compared"), compared.Number("versions_compared"),
            compared["missing"]!.Number("total"), compared["extra"]!.Number("total"), compared["differing"]!.Number("total")));

        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await client.CallAsync("confirm_bulk_operation", Run(restore));

        Assert.True(restored.Str("status") == "completed", restored.ToJsonString());
        Assert.Empty((await RegistrySnapshot.TakeAsync(_target.BaseAddress)).DifferencesFrom(targetBefore));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_source.BaseAddress)).DifferencesFrom(sourceBefore));
    }

    [Fact]
    public async Task ContextMigration_WithForms_TheQuestionsThenTheMoveAndTheSourceSoftDeleted()
    {
        var script = new ElicitationScript(
            Accept("migration_type", "context"),
            Accept("selection", "*"),
            Accept("target_context", ".prod"),
            AcceptAll(new() { ["preserve_ids"] = true, ["all_versions"] = true, ["copy_settings"] = true, ["source_after"] = "soft_delete" }),
            Accept("view_details", false),
            Accept("unknown_impact", "proceed"),
            Accept("confirmation", "YES"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(Settings(), null, script);

        var reply = await client.CallAsync("start_bulk_wizard", new() { ["operation_type"] = "migration", ["registry"] = "source" });

        Assert.Equal(
            [WizardTexts.Get("migration_type"), WizardTexts.Get("select_migration_schemas"), WizardTexts.Get("migration_target"), WizardTexts.Get("migration_options"), WizardTexts.Get("preview", 6)],
            script.Messages.Take(5));
        Assert.StartsWith("Consumer impact is unknown for 3 subject(s): no Kafka cluster configured for registry 'source'", script.Asked[5].Message, StringComparison.Ordinal);
        Assert.Equal("completed", reply.Str("status"));
        var after = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        Assert.Equal(2, after.Subject(":.prod:common-address")!["versions"]!.AsArray().Count);
        Assert.Equal("FULL", after.Subject(":.prod:orders-value")!["config"]!["compatibilityLevel"]!.GetValue<string>());
        Assert.Equal("common-address", after.Subject(":.prod:customer-value")!["versions"]![0]!["references"]![0]!["subject"]!.GetValue<string>());
        Assert.All(["common-address", "customer-value", "orders-value"], s => Assert.All(after.Subject(s)!["versions"]!.AsArray(), v => Assert.True(v!["deleted"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task ContextMigration_PermanentDelete_CopiesKeepIdsAndVersions_SourceGoneEntirely_RestoreBringsItBack()
    {
        var before = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        string[] subjects = ["common-address", "customer-value", "orders-value"];
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "context", ["pattern"] = "*", ["source_registry"] = "source", ["target_context"] = ".prod",
            ["source_after"] = "permanent_delete", ["unknown_impact"] = "proceed",
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var afterDryRun = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        var after = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        using var http = new HttpClient { BaseAddress = _source.BaseAddress };
        var listedWithDeleted = (await http.GetFromJsonAsync<string[]>("subjects?deleted=true"))!;

        Assert.True(plan["destructive"]!.GetValue<bool>());
        Assert.Contains(
            "Ids and version numbers are preserved through IMPORT on each target subject only, put back afterwards; the target's id counter stays above the highest imported id.",
            plan["warnings"]!.AsArray().Select(w => w!.GetValue<string>()));
        var preview = plan.Str("preview");
        Assert.Contains("  - common-address → :.prod:common-address: import version(s) 1 (id 1), 2 (id 2)\n", preview, StringComparison.Ordinal);
        Assert.Contains("  - common-address: soft-delete versions 1, 2; permanently delete versions 1, 2; no live version left\n", preview, StringComparison.Ordinal);
        Assert.Contains("  - customer-value: soft-delete version 1; permanently delete version 1; no live version left\n", preview, StringComparison.Ordinal);
        Assert.Contains("  - orders-value: soft-delete version 1; permanently delete version 1; no live version left\n", preview, StringComparison.Ordinal);
        Assert.True(preview.IndexOf("  - customer-value: soft-delete", StringComparison.Ordinal) < preview.IndexOf("  - common-address: soft-delete", StringComparison.Ordinal),
            "the referrer is removed before the subject it references: " + preview);
        Assert.Empty(afterDryRun.DifferencesFrom(before));
        Assert.True(run.Str("status") == "completed", run.ToJsonString());
        Assert.Equal([":.prod:common-address", ":.prod:customer-value", ":.prod:orders-value", "common-address", "contexts", "customer-value", "orders-value"], after.DifferencesFrom(before));
        foreach (var subject in subjects)
        {
            Assert.True(JsonNode.DeepEquals(VersionsWithoutSubject(before, subject), VersionsWithoutSubject(after, ":.prod:" + subject)),
                $"{subject}: {before.Subject(subject)} vs {after.Subject(":.prod:" + subject)}");
            Assert.Null(after.Subject(subject));
            Assert.DoesNotContain(subject, listedWithDeleted);
        }

        Assert.Equal("FULL", after.Subject(":.prod:orders-value")!["config"]!["compatibilityLevel"]!.GetValue<string>());

        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = run["task"]!["result"]!.Str("backup_id") }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await client.CallAsync("confirm_bulk_operation", Run(restore));
        var back = await RegistrySnapshot.TakeAsync(_source.BaseAddress);

        Assert.True(restored.Str("status") == "completed", restored.ToJsonString());
        // Every subject, version, id, config and mode is as before the migration. The .prod context the copies created
        // stays listed: a restore puts subjects back, and only a rollback of the migration itself removes a context it created.
        Assert.Equal(["contexts"], back.DifferencesFrom(before));
        Assert.Equal([".", ".prod"], back.State["contexts"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    /// <summary>A subject's versions as the registry returns them, without the subject name each one repeats.</summary>
    private static JsonArray VersionsWithoutSubject(RegistrySnapshot snapshot, string subject) =>
        [.. snapshot.Subject(subject)!["versions"]!.AsArray().Select(v =>
        {
            var copy = v!.DeepClone().AsObject();
            copy.Remove("subject");
            return copy;
        })];

    [Fact]
    public async Task Archive_OldVersionsToAnArchiveThenSoftDeleted_ListedAsArchive_RestoredLikeABackup()
    {
        var before = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "archive", ["pattern"] = "common-*", ["source_registry"] = "source", ["keep_last"] = 1, ["unknown_impact"] = "proceed",
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        var archiveId = run["task"]!["result"]!.Str("backup_id");
        var listed = (await client.CallAsync("list_backups"))["backups"]!.AsArray().Single(b => b!.Str("id") == archiveId)!;

        Assert.Equal("Archive the versions of common-* older than the newest 1, then soft-delete them", plan.Str("title"));
        Assert.Equal("completed", run.Str("status"));
        Assert.StartsWith("ar_", archiveId, StringComparison.Ordinal);
        Assert.Equal(("archive", "migration"), (listed.Str("kind"), listed.Str("operation_type")));
        var after = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        Assert.Equal(["common-address"], after.DifferencesFrom(before));
        Assert.Equal([true, false], after.Subject("common-address")!["versions"]!.AsArray().Select(v => v!["deleted"]!.GetValue<bool>()));

        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = archiveId }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        Assert.Equal("completed", (await client.CallAsync("confirm_bulk_operation", Run(restore))).Str("status"));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_source.BaseAddress)).DifferencesFrom(before));
    }

    [Fact]
    public async Task ContextMigration_ThePlanNamesEachCopysEffectiveConfigDifference()
    {
        using (var seed = new RegistrySeeder(_source.BaseAddress))
        {
            await seed.SetCompatibilityAsync(":.prod:", "NONE");
        }

        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "context", ["pattern"] = "*", ["source_registry"] = "source", ["target_context"] = ".prod", ["source_after"] = "keep",
        }))["plan"]!;
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });

        var lines = page["changes"]!.AsArray().ToDictionary(i => i!.Str("subject"), i => i!.Str("change"));
        Assert.EndsWith("; effective config differs in the target: compatibility BACKWARD (global) → NONE (context .prod)", lines[":.prod:common-address"], StringComparison.Ordinal);
        Assert.EndsWith("; effective config differs in the target: compatibility BACKWARD (global) → NONE (context .prod)", lines[":.prod:customer-value"], StringComparison.Ordinal);
        Assert.DoesNotContain("effective config", lines[":.prod:orders-value"], StringComparison.Ordinal);
        Assert.Contains(page["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("Effective config differs in the target for 2 subject(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conflicts_ReportedInThePlanBeforeAnyWrite_ReferrersLeftOutToo()
    {
        using (var seed = new RegistrySeeder(_target.BaseAddress))
        {
            await seed.RegisterAsync("common-address", RegistrySeeder.AvroRecord("Elsewhere", "x"));
        }

        var sourceBefore = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var targetBefore = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "registry", ["pattern"] = "*", ["source_registry"] = "source", ["target_registry"] = "target",
        }))["plan"]!;
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id") });

        Assert.Equal((1, 2), (plan.Number("changes"), plan.Number("skipped")));
        var skipped = page["skipped"]!.AsArray().ToDictionary(s => s!.Str("subject"), s => s!.Str("reason"));
        Assert.StartsWith("target common-address version 1 holds another schema", skipped["common-address"], StringComparison.Ordinal);
        Assert.StartsWith("version 1 references common-address version 2, which is neither migrated nor in the target context", skipped["customer-value"], StringComparison.Ordinal);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_source.BaseAddress)).DifferencesFrom(sourceBefore));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_target.BaseAddress)).DifferencesFrom(targetBefore));
    }

    [Fact]
    public async Task TargetTurnedReadOnlyBeforeTheRun_ItsSourceKept_TheRerunFinishesTheJob()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var first = await PlanContextMoveAsync(client, rollback: false);
        using (var http = new HttpClient { BaseAddress = _source.BaseAddress })
        {
            (await http.PutAsJsonAsync($"mode/{Uri.EscapeDataString(":.prod:orders-value")}", new { mode = "READONLY" })).EnsureSuccessStatusCode();
        }

        var run = await client.CallAsync("confirm_bulk_operation", Run(first));
        var afterFirst = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        using (var http = new HttpClient { BaseAddress = _source.BaseAddress })
        {
            (await http.DeleteAsync($"mode/{Uri.EscapeDataString(":.prod:orders-value")}")).EnsureSuccessStatusCode();
        }

        var second = await PlanContextMoveAsync(client, rollback: true);
        var rerun = await client.CallAsync("confirm_bulk_operation", Run(second));
        var afterSecond = await RegistrySnapshot.TakeAsync(_source.BaseAddress);

        Assert.Equal("failed", run.Str("status"));
        var items = run["task"]!["result"]!["items"]!.AsArray();
        Assert.Equal("conflict", items.Single(i => i!.Str("subject") == ":.prod:orders-value")!.Str("outcome"));
        Assert.Equal("not_run", items.Single(i => i!.Str("subject") == "orders-value")!.Str("outcome"));
        Assert.All(afterFirst.Subject("orders-value")!["versions"]!.AsArray(), v => Assert.False(v!["deleted"]!.GetValue<bool>()));
        Assert.All(afterFirst.Subject("common-address")!["versions"]!.AsArray(), v => Assert.True(v!["deleted"]!.GetValue<bool>()));
        Assert.Equal(2, second.Number("changes")); // orders-value's import and its source removal: the rest is in place
        Assert.Equal("completed", rerun.Str("status"));
        Assert.NotNull(afterSecond.Subject(":.prod:orders-value"));
        Assert.All(afterSecond.Subject("orders-value")!["versions"]!.AsArray(), v => Assert.True(v!["deleted"]!.GetValue<bool>()));
    }

    private static async Task<JsonNode> PlanContextMoveAsync(ModelContextProtocol.Client.McpClient client, bool rollback)
    {
        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "context", ["pattern"] = "*", ["source_registry"] = "source", ["target_context"] = ".prod", ["unknown_impact"] = "proceed",
            ["rollback_on_error"] = rollback,
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        return plan;
    }

    [Fact]
    public async Task Refusals_NameTheFieldAndChangeNothing()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var sameScope = await client.CallExpectingErrorAsync("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = "*", ["target_context"] = ".", ["source_registry"] = "source" });
        var otherContext = await client.CallExpectingErrorAsync("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = ":.x:*", ["target_context"] = ".y", ["source_registry"] = "source" });
        var unknown = await client.CallExpectingErrorAsync("bulk_schema_migration", new() { ["migration_type"] = "registry", ["pattern"] = "*", ["target_registry"] = "nowhere", ["source_registry"] = "source" });
        var noTarget = await client.CallExpectingErrorAsync("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = "*", ["source_registry"] = "source" });

        Assert.EndsWith("target_context: the source and the target are both context . of registry 'source'; choose another target_context or target_registry.", sameScope, StringComparison.Ordinal);
        Assert.EndsWith("pattern: ':.x:*' names another context than source_context '.'; a migration moves one context.", otherContext, StringComparison.Ordinal);
        Assert.Contains("nowhere", unknown, StringComparison.Ordinal);
        Assert.EndsWith("target_context: missing for migration_type 'context'; give the context to move to, e.g. .prod.", noTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_RegistriesNamingTheField_AContextMigrationStaysInItsRegistry()
    {
        var sourceBefore = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var targetBefore = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var context = new Dictionary<string, object?>
        {
            ["migration_type"] = "context", ["pattern"] = "*", ["target_context"] = ".prod", ["source_registry"] = "source", ["source_after"] = "keep",
        };

        var otherRegistry = await client.CallExpectingErrorAsync("bulk_schema_migration", new(context) { ["target_registry"] = "target" });
        var unknownTarget = await client.CallExpectingErrorAsync("bulk_schema_migration", new(context) { ["target_registry"] = "nowhere-registry" });
        var archive = await client.CallExpectingErrorAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "archive", ["pattern"] = "*", ["source_registry"] = "source", ["target_registry"] = "target", ["keep_last"] = 1,
        });
        var unknownSource = await client.CallExpectingErrorAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "registry", ["pattern"] = "*", ["source_registry"] = "elsewhere", ["target_registry"] = "target",
        });
        var wizard = await client.CallExpectingErrorAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "migration", ["registry"] = "source", ["pattern"] = "*",
            ["answers"] = new JsonObject
            {
                ["migration_type"] = "context", ["target_registry"] = "target", ["target_context"] = ".prod",
                ["preserve_ids"] = true, ["all_versions"] = true, ["copy_settings"] = true, ["source_after"] = "keep",
            }.AsElement(),
        });

        const string stays = "target_registry: 'target' is not the source registry 'source'; a context migration stays in one registry: use migration_type 'registry' to copy to another.";
        Assert.EndsWith(stays, otherRegistry, StringComparison.Ordinal);
        Assert.EndsWith(stays, wizard, StringComparison.Ordinal);
        Assert.EndsWith(
            "target_registry: 'target' is not the source registry 'source'; an archive keeps the versions in the data directory and removes them from the source registry: use migration_type 'registry' to copy to another.",
            archive, StringComparison.Ordinal);
        Assert.EndsWith("target_registry: Registry 'nowhere-registry' is not configured. Configured registries: source, target.", unknownTarget, StringComparison.Ordinal);
        Assert.EndsWith("source_registry: Registry 'elsewhere' is not configured. Configured registries: source, target.", unknownSource, StringComparison.Ordinal);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_source.BaseAddress)).DifferencesFrom(sourceBefore));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_target.BaseAddress)).DifferencesFrom(targetBefore));
    }

    [Fact]
    public async Task RestoreBackup_IntoAnotherRegistry_PutsTheBackedUpSubjectsThereWithTheirIds()
    {
        var sourceBefore = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var cleanup = (await client.CallAsync("bulk_schema_cleanup", new()
        {
            ["cleanup_type"] = "pattern", ["pattern"] = "orders-*", ["registry"] = "source", ["unknown_impact"] = "proceed",
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = cleanup.Str("plan_id"), ["plan_hash"] = cleanup.Str("plan_hash") });
        var backupId = (await client.CallAsync("confirm_bulk_operation", Run(cleanup)))["task"]!["result"]!.Str("backup_id");

        var restore = (await client.CallAsync("restore_backup", new() { ["backup_id"] = backupId, ["target_registry"] = "target" }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = restore.Str("plan_id"), ["plan_hash"] = restore.Str("plan_hash") });
        var restored = await client.CallAsync("confirm_bulk_operation", Run(restore));

        Assert.Equal($"Restore backup {backupId}, taken from registry 'source', into registry 'target'", restore.Str("title"));
        Assert.Equal("completed", restored.Str("status"));
        var target = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        Assert.True(JsonNode.DeepEquals(sourceBefore.Subject("orders-value"), target.Subject("orders-value")), $"{sourceBefore.Subject("orders-value")} vs {target.Subject("orders-value")}");
        Assert.Null(target.Subject("common-address"));
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

    private static Func<ElicitRequestParams, ElicitResult> AcceptAll(Dictionary<string, object> fields) =>
        _ => new ElicitResult { Action = "accept", Content = fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value)) };
}
