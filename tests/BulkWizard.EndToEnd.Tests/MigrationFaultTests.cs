using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using BulkWizard.Sandbox.Faults;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Migrations through the real server over stdio while the Sandbox injects faults: a target that refuses writes part-way
/// (rolled back, or stopped and finished by a second run), a context move whose copy fails before its source is
/// removed, and writes whose answers are lost.
/// </summary>
public sealed class MigrationFaultTests : IAsyncLifetime
{
    private const string Failing = "svc-10-value";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private SandboxRegistry _source = null!;
    private SandboxRegistry _target = null!;
    private string _data = null!;

    /// <summary>The seeded subjects: two shared ones, then svc-01 to svc-18, two thirds of them referencing a shared one.</summary>
    private static IReadOnlyList<string> Subjects { get; } =
        ["common-address", "common-money", .. Enumerable.Range(1, 18).Select(Service)];

    public async Task InitializeAsync()
    {
        _source = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _target = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
        using var seed = new RegistrySeeder(_source.BaseAddress);
        await seed.RegisterAsync("common-address", RegistrySeeder.AvroRecord("Address", "street"));
        await seed.RegisterAsync("common-address", RegistrySeeder.AvroRecord("Address", "street", "city"));
        await seed.RegisterAsync("common-money", RegistrySeeder.AvroRecord("Money", "amount"));
        for (var n = 1; n <= 18; n++)
        {
            var record = $"Service{n:00}";
            if (n % 2 == 0)
            {
                await seed.RegisterWithReferenceAsync(Service(n), $$"""{"type":"record","name":"{{record}}","fields":[{"name":"home","type":"Address"}]}""", "Address", "common-address", 2);
            }
            else if (n % 3 == 0)
            {
                await seed.RegisterWithReferenceAsync(Service(n), $$"""{"type":"record","name":"{{record}}","fields":[{"name":"price","type":"Money"}]}""", "Money", "common-money", 1);
            }
            else
            {
                await seed.RegisterAsync(Service(n), RegistrySeeder.AvroRecord(record, "id"));
                await seed.RegisterAsync(Service(n), RegistrySeeder.AvroRecord(record, "id", "name"));
            }
        }

        await seed.SetCompatibilityAsync(Service(5), "FULL");
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
    public async Task RegistryMigration_TargetRefusesWritesPartWay_RolledBack_BothRegistriesAsBefore()
    {
        var sourceBefore = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var targetBefore = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanRegistryMigrationAsync(client, rollback: true);
        _target.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = Failing, UntilDisarmed = true } });

        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        _target.Faults.Disarm();

        Assert.Equal(20, plan.Number("changes"));
        Assert.Equal("rolled_back", run.Str("status"));
        var result = run["task"]!["result"]!;
        var outcomes = Outcomes(result);
        Assert.Equal("failed", outcomes[Failing]);
        var undone = outcomes.Count(o => o.Value == "undone");
        Assert.True(undone >= 10, $"only {undone} subject(s) were imported before {Failing}");
        Assert.Equal(19, undone + outcomes.Count(o => o.Value == "not_run"));
        Assert.Equal((0, 1, undone), (result.Number("applied"), result.Number("failed"), result.Number("undone")));
        Assert.StartsWith($"Stopped on an error: {Failing}: Registry 'target': Injected fault:", result.Str("error"), StringComparison.Ordinal);
        Assert.EndsWith($"; {undone} applied change(s) were rolled back.", result.Str("error"), StringComparison.Ordinal);
        Assert.True(_target.Faults.Count(FaultKind.WriteFailedBeforeApply) > 0);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_source.BaseAddress)).DifferencesFrom(sourceBefore));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_target.BaseAddress)).DifferencesFrom(targetBefore));
    }

    [Fact]
    public async Task RegistryMigration_ARegistrationFailsMidSubject_RolledBack_NoHalfImportedSubjectLeft()
    {
        var targetBefore = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanRegistryMigrationAsync(client, rollback: true);

        // svc-01-value has two versions: its writes are IMPORT, version 1, version 2, so the third fails after version 1 was
        // stored, and so do the three repeats the gateway sends once a re-read shows version 2 absent.
        _target.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = Service(1), At = 3, Count = 4 } });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        _target.Faults.Disarm();

        Assert.Equal("rolled_back", run.Str("status"));
        Assert.Equal("failed", Outcomes(run["task"]!["result"]!)[Service(1)]);
        Assert.Equal(4, _target.Faults.Count(FaultKind.WriteFailedBeforeApply));
        Assert.Empty((await RegistrySnapshot.TakeAsync(_target.BaseAddress)).DifferencesFrom(targetBefore));
    }

    [Fact]
    public async Task RegistryMigration_WithoutRollback_StopsWithTheRestApplied_TheRerunSkipsTheIdenticalAndFinishes()
    {
        var sourceBefore = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var first = await PlanRegistryMigrationAsync(client, rollback: false);
        _target.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = Failing, UntilDisarmed = true } });

        var run = await client.CallAsync("confirm_bulk_operation", Run(first));
        _target.Faults.Disarm();
        var afterFirst = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        var second = await PlanRegistryMigrationAsync(client, rollback: true);
        var page = await client.CallAsync("get_bulk_plan", new() { ["plan_id"] = second.Str("plan_id") });
        var rerun = await client.CallAsync("confirm_bulk_operation", Run(second));

        Assert.Equal("failed", run.Str("status"));
        var outcomes = Outcomes(run["task"]!["result"]!);
        Assert.Equal("failed", outcomes[Failing]);
        Assert.Equal(19, outcomes.Count(o => o.Value == "applied"));
        Assert.Null(afterFirst.Subject(Failing));
        Assert.All(Subjects.Where(s => s != Failing), s => Assert.Null(afterFirst.Subject(s)!["mode"]));
        Assert.Equal((1, 19), (second.Number("changes"), second.Number("skipped")));
        Assert.All(page["skipped"]!.AsArray(), s => Assert.DoesNotContain("conflict", s!.Str("reason"), StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"{Failing} → {Failing} on registry 'target'", second.Str("preview"), StringComparison.Ordinal);
        Assert.Equal("completed", rerun.Str("status"));
        var source = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var target = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        Assert.Empty(source.DifferencesFrom(sourceBefore));
        Assert.All(Subjects, s => Assert.True(JsonNode.DeepEquals(source.Subject(s), target.Subject(s)), $"{s}: {source.Subject(s)} vs {target.Subject(s)}"));
    }

    [Fact]
    public async Task ContextMove_SoftDeletingTheSource_CopyFailsPartWay_RolledBack_TheRegistryAsBefore()
    {
        var before = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanContextMoveAsync(client, rollback: true);
        _source.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = ":.prod:" + Failing, UntilDisarmed = true } });

        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        _source.Faults.Disarm();

        Assert.Equal("rolled_back", run.Str("status"));
        var items = run["task"]!["result"]!["items"]!.AsArray();
        Assert.Equal("failed", items.Single(i => i!.Str("subject") == ":.prod:" + Failing)!.Str("outcome"));
        Assert.All(items.Where(i => !i!.Str("subject").StartsWith(":.prod:", StringComparison.Ordinal)), i => Assert.Equal("not_run", i!.Str("outcome")));
        Assert.Equal("undone", items.Single(i => i!.Str("subject") == ":.prod:")!.Str("outcome"));

        // The registry keeps a context once a subject was written to it: the rollback removes it again, last.
        Assert.Empty((await RegistrySnapshot.TakeAsync(_source.BaseAddress)).DifferencesFrom(before));
    }

    [Fact]
    public async Task ContextMove_SoftDeletingTheSource_CopyFailsPartWay_WithoutRollback_OnlyCopiedSourcesRemoved()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanContextMoveAsync(client, rollback: false);
        _source.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = ":.prod:" + Failing, UntilDisarmed = true } });

        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        _source.Faults.Disarm();
        var after = await RegistrySnapshot.TakeAsync(_source.BaseAddress);

        Assert.Equal("failed", run.Str("status"));
        var items = run["task"]!["result"]!["items"]!.AsArray();
        Assert.Equal("not_run", items.Single(i => i!.Str("subject") == Failing)!.Str("outcome"));
        Assert.Null(after.Subject(":.prod:" + Failing));
        Assert.All(after.Subject(Failing)!["versions"]!.AsArray(), v => Assert.False(v!["deleted"]!.GetValue<bool>()));

        // svc-10-value stayed behind and still references common-address: the registry refuses that source's removal.
        var kept = items.Single(i => i!.Str("subject") == "common-address")!;
        Assert.Equal("failed", kept.Str("outcome"));
        Assert.EndsWith("error code: 42206", kept.Str("message"), StringComparison.Ordinal);
        Assert.All(after.Subject("common-address")!["versions"]!.AsArray(), v => Assert.False(v!["deleted"]!.GetValue<bool>()));
        foreach (var subject in Subjects.Where(s => s is not Failing and not "common-address"))
        {
            Assert.NotNull(after.Subject(":.prod:" + subject));
            Assert.All(after.Subject(subject)!["versions"]!.AsArray(), v => Assert.True(v!["deleted"]!.GetValue<bool>(), $"{subject} was copied, so its source is soft-deleted"));
        }
    }

    [Theory]
    [InlineData(WriteFaultAnswer.Error)]
    [InlineData(WriteFaultAnswer.Drop)]
    public async Task RegistryMigration_ARegistrationsAnswerLost_ReadBackAsApplied_TheRunCompletes(WriteFaultAnswer answer)
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanRegistryMigrationAsync(client, rollback: true);

        // The second write to svc-05-value registers its version 1: stored, then the answer is lost.
        _target.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = Service(5), At = 2, Timing = WriteFaultTiming.AfterApply, Answer = answer } });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        _target.Faults.Disarm();

        Assert.Equal(1, _target.Faults.Count(FaultKind.WriteFailedAfterApply));
        Assert.True(run.Str("status") == "completed", run.ToJsonString());
        Assert.Equal("applied", Outcomes(run["task"]!["result"]!)[Service(5)]);
        var source = await RegistrySnapshot.TakeAsync(_source.BaseAddress);
        var target = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        Assert.All(Subjects, s => Assert.True(JsonNode.DeepEquals(source.Subject(s), target.Subject(s)), $"{s}: {source.Subject(s)} vs {target.Subject(s)}"));
    }

    [Fact]
    public async Task ContextMove_ASourceDeletesAnswerLost_ReadBackAsApplied_TheRunCompletes()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanContextMoveAsync(client, rollback: true);

        // The only write to the source subject itself is its soft delete, after its copy applied.
        _source.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = Failing, Timing = WriteFaultTiming.AfterApply, Answer = WriteFaultAnswer.Drop } });
        var run = await client.CallAsync("confirm_bulk_operation", Run(plan));
        _source.Faults.Disarm();
        var after = await RegistrySnapshot.TakeAsync(_source.BaseAddress);

        Assert.Equal(1, _source.Faults.Count(FaultKind.WriteFailedAfterApply));
        Assert.True(run.Str("status") == "completed", run.ToJsonString());
        Assert.All(Subjects, s => Assert.All(after.Subject(s)!["versions"]!.AsArray(), v => Assert.True(v!["deleted"]!.GetValue<bool>())));
        Assert.All(Subjects, s => Assert.Equal(after.Subject(s)!["versions"]!.AsArray().Count, after.Subject(":.prod:" + s)!["versions"]!.AsArray().Count));
    }

    private static async Task<JsonNode> PlanContextMoveAsync(McpClient client, bool rollback)
    {
        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "context", ["pattern"] = "*", ["source_registry"] = "source", ["target_context"] = ".prod",
            ["source_after"] = "soft_delete", ["unknown_impact"] = "proceed", ["rollback_on_error"] = rollback, ["max_parallel"] = 1,
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        return plan;
    }

    /// <summary>Each item's outcome by subject (the plan's own subject names).</summary>
    private static Dictionary<string, string> Outcomes(JsonNode result) =>
        result["items"]!.AsArray().ToDictionary(i => i!.Str("subject"), i => i!.Str("outcome"));

    private static async Task<JsonNode> PlanRegistryMigrationAsync(McpClient client, bool rollback)
    {
        var plan = (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "registry", ["pattern"] = "*", ["source_registry"] = "source", ["target_registry"] = "target",
            ["rollback_on_error"] = rollback, ["max_parallel"] = 1,
        }))["plan"]!;
        await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        return plan;
    }

    private static string Service(int n) => $"svc-{n:00}-value";

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
