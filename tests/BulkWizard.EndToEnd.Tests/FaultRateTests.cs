using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using BulkWizard.Sandbox.Faults;
using ModelContextProtocol.Client;
using Xunit.Abstractions;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Operations of a few hundred changes through the real server over stdio while the Sandbox fails 5 % of the requests
/// (errors, held requests answered "timed out", dropped connections; seeded). Whatever the faults hit, a run ends
/// either completed with the registry exactly as planned, or rolled back with the registry exactly as before, and its
/// counts and message say which and how much.
/// </summary>
public sealed class FaultRateTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int SubjectCount = 300;
    
    /// <summary>Many items at a time, so that the backoffs of the retried requests overlap.</summary>
    private const int MaxParallel = 32;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(240);
    private SandboxRegistry _registry = null!;
    private SandboxRegistry _target = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _registry = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _target = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _target.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task CompatibilityUpdate_300Subjects_FivePercentFaults_AllAppliedOrAllRolledBack()
    {
        var subjects = await SeedAsync("upd", versions: 1);
        var before = await RegistrySnapshot.TakeAsync(_registry.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = (await client.CallAsync("bulk_schema_update", new()
        {
            ["pattern"] = "upd-*", ["compatibility"] = "FULL", ["max_parallel"] = MaxParallel,
        }))["plan"]!;

        _registry.Faults.Arm(FaultMix(seed: 11, errorStatus: 503));
        var task = await RunAsync(client, plan, "accept");
        _registry.Faults.Disarm();

        var planned = Planned(before, subjects, (_, state) => state["config"] = new JsonObject { ["compatibilityLevel"] = "FULL" });
        await AssertAllOrNothingAsync(task, plan, _registry, planned, before);
    }

    [Theory]
    [InlineData(false, 500, 21)]
    [InlineData(true, 503, 22)]
    public async Task CleanupOfOldVersions_300Subjects_FivePercentFaults_AllAppliedOrAllRolledBack(bool permanent, int errorStatus, int seed)
    {
        var subjects = await SeedAsync("purge", versions: 3);
        var before = await RegistrySnapshot.TakeAsync(_registry.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanCleanupAsync(client, permanent, batchSize: 100);

        _registry.Faults.Arm(FaultMix(seed, errorStatus));
        await DryRunAsync(client, plan);
        var task = await RunAsync(client, plan, "YES");
        _registry.Faults.Disarm();

        await AssertAllOrNothingAsync(task, plan, _registry, Planned(before, subjects, (_, state) => KeepLatest(state, permanent)), before);
    }

    [Fact]
    public async Task SoftCleanup_OneSubjectFailsPartWay_FivePercentFaults_RolledBackToTheSnapshotBefore()
    {
        var subjects = await SeedAsync("purge", versions: 3);
        var before = await RegistrySnapshot.TakeAsync(_registry.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanCleanupAsync(client, permanent: false, batchSize: 10);

        // Its first delete (version 1) goes through; the next four writes, the delete of version 2 and the three repeats
        // the gateway allows once a re-read shows it not applied, fail. What it left must be taken back with the rest.
        _registry.Faults.Arm(FaultMix(seed: 23, errorStatus: 503) with { FailWrite = new WriteFault { Subject = Failing("purge"), At = 2, Count = 4 } });
        await DryRunAsync(client, plan);
        var task = await RunAsync(client, plan, "YES");
        _registry.Faults.Disarm();

        Assert.Equal("rolled_back", task.Str("status"));
        Assert.StartsWith($"Stopped on an error: {Failing("purge")}: ", task["result"]!.Str("error"), StringComparison.Ordinal);
        await AssertAllOrNothingAsync(task, plan, _registry, Planned(before, subjects, (_, state) => KeepLatest(state, permanent: false)), before);
    }

    [Fact]
    public async Task RegistryMigration_300Subjects_FivePercentFaultsOnTheTarget_AllCopiedOrTargetAsBefore()
    {
        var subjects = await SeedAsync("mig", versions: 2);
        var source = await RegistrySnapshot.TakeAsync(_registry.BaseAddress);
        var before = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanMigrationAsync(client, batchSize: 100);

        _target.Faults.Arm(FaultMix(seed: 31, errorStatus: 500));
        await DryRunAsync(client, plan);
        var task = await RunAsync(client, plan, "YES");
        _target.Faults.Disarm();

        await AssertAllOrNothingAsync(task, plan, _target, Copied(before, source, subjects), before);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_registry.BaseAddress)).DifferencesFrom(source));
    }

    [Fact]
    public async Task RegistryMigration_OneSubjectFailsPartWay_FivePercentFaultsOnTheTarget_TargetRolledBackToTheSnapshotBefore()
    {
        var subjects = await SeedAsync("mig", versions: 2);
        var source = await RegistrySnapshot.TakeAsync(_registry.BaseAddress);
        var before = await RegistrySnapshot.TakeAsync(_target.BaseAddress);
        await using var client = await ServerLauncher.ConnectAsync(Settings());
        var plan = await PlanMigrationAsync(client, batchSize: 10);

        // Its writes are IMPORT, version 1, version 2, …: version 2 and its three allowed repeats fail after version 1 was stored.
        _target.Faults.Arm(FaultMix(seed: 32, errorStatus: 503) with { FailWrite = new WriteFault { Subject = Failing("mig"), At = 3, Count = 4 } });
        await DryRunAsync(client, plan);
        var task = await RunAsync(client, plan, "YES");
        _target.Faults.Disarm();

        Assert.Equal("rolled_back", task.Str("status"));
        Assert.StartsWith($"Stopped on an error: {Failing("mig")}: ", task["result"]!.Str("error"), StringComparison.Ordinal);
        await AssertAllOrNothingAsync(task, plan, _target, Copied(before, source, subjects), before);
        Assert.Empty((await RegistrySnapshot.TakeAsync(_registry.BaseAddress)).DifferencesFrom(source));
    }

    /// <summary>The subject made to fail: the third of the plan, in the first batch after the canary.</summary>
    private static string Failing(string prefix) => $"{prefix}-003-value";

    private static async Task<JsonNode> PlanCleanupAsync(McpClient client, bool permanent, int batchSize) =>
        (await client.CallAsync("bulk_schema_cleanup", new()
        {
            ["cleanup_type"] = "old_versions", ["pattern"] = "purge-*", ["keep_last"] = 1, ["permanent"] = permanent, ["unknown_impact"] = "proceed",
            ["max_parallel"] = MaxParallel, ["batch_size"] = batchSize,
        }))["plan"]!;

    private static async Task<JsonNode> PlanMigrationAsync(McpClient client, int batchSize) =>
        (await client.CallAsync("bulk_schema_migration", new()
        {
            ["migration_type"] = "registry", ["pattern"] = "mig-*", ["source_registry"] = "lab", ["target_registry"] = "target",
            ["max_parallel"] = MaxParallel, ["batch_size"] = batchSize,
        }))["plan"]!;

    /// <summary>A subject of three versions after a cleanup that keeps the last: versions 1 and 2 soft-deleted, or gone.</summary>
    private static void KeepLatest(JsonObject subject, bool permanent)
    {
        var versions = subject["versions"]!.AsArray();
        foreach (var old in versions.Where(v => v!["version"]!.GetValue<int>() < 3).ToList())
        {
            if (permanent)
            {
                versions.Remove(old);
            }
            else
            {
                old!["deleted"] = true;
            }
        }
    }

    /// <summary>The target <paramref name="before"/> with each of <paramref name="subjects"/> as the source holds it.</summary>
    private static JsonObject Copied(RegistrySnapshot before, RegistrySnapshot source, IEnumerable<string> subjects)
    {
        var state = before.State.DeepClone().AsObject();
        foreach (var subject in subjects)
        {
            state[subject] = source.State[subject]!.DeepClone();
        }

        return state;
    }

    /// <summary>The subjects <c>{prefix}-001-value</c>… with <paramref name="versions"/> Avro versions each, registered 8 at a time.</summary>
    private async Task<IReadOnlyList<string>> SeedAsync(string prefix, int versions)
    {
        var subjects = Enumerable.Range(1, SubjectCount).Select(n => $"{prefix}-{n:000}-value").ToList();
        using var seed = new RegistrySeeder(_registry.BaseAddress);
        await Parallel.ForEachAsync(subjects, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (subject, _) =>
        {
            var record = "R" + subject.Replace("-", "", StringComparison.Ordinal);
            var fields = new List<string> { "id" };
            for (var v = 1; v <= versions; v++)
            {
                await seed.RegisterAsync(subject, RegistrySeeder.AvroRecord(record, [.. fields]));
                fields.Add($"f{v}");
            }
        });
        return subjects;
    }

    /// <summary>
    /// 5 % of the registry's requests fail, drawn from <paramref name="seed"/>: 2.5 % answered with
    /// <paramref name="errorStatus"/> unhandled, 0.5 % held 100 ms then answered "operation timed out", 2 % dropped.
    /// </summary>
    private static FaultOptions FaultMix(int seed, int errorStatus) => new()
    {
        Seed = seed, ErrorRate = 0.025, ErrorStatus = errorStatus, TimeoutRate = 0.005, TimeoutHold = TimeSpan.FromMilliseconds(100), DropRate = 0.02,
    };

    /// <summary>The state <paramref name="before"/> with each of <paramref name="subjects"/> changed as the plan says.</summary>
    private static JsonObject Planned(RegistrySnapshot before, IEnumerable<string> subjects, Action<string, JsonObject> change)
    {
        var state = before.State.DeepClone().AsObject();
        foreach (var subject in subjects)
        {
            change(subject, state[subject]!.AsObject());
        }

        return state;
    }

    /// <summary>The dry run a destructive plan needs before its <c>YES</c>; under faults it must still find every item as planned.</summary>
    private static async Task DryRunAsync(McpClient client, JsonNode plan)
    {
        var run = await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["wait_seconds"] = 50 });
        var task = run["task"]!.Str("status") is "pending" or "running" ? await client.WaitFinishedAsync(run["task"]!.Str("task_id"), Deadline) : run["task"]!;
        Assert.True(task.Str("status") == "completed", task.ToJsonString());
        Assert.Equal(plan.Number("changes"), task["result"]!.Number("would_apply"));
    }

    /// <summary>Runs the plan for real and waits until its task has finished.</summary>
    private static async Task<JsonNode> RunAsync(McpClient client, JsonNode plan, string confirmation)
    {
        var run = await client.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = confirmation, ["dry_run"] = false, ["wait_seconds"] = 50,
        });
        return run["task"]!.Str("status") is "pending" or "running" ? await client.WaitFinishedAsync(run["task"]!.Str("task_id"), Deadline) : run["task"]!;
    }

    /// <summary>
    /// Either completed with every change applied and <paramref name="registry"/> equal to <paramref name="planned"/>, or
    /// rolled back with nothing left applied and the registry equal to <paramref name="before"/>; the counts, summary
    /// and message of the result say which, and account for every change.
    /// </summary>
    private async Task AssertAllOrNothingAsync(JsonNode task, JsonNode plan, SandboxRegistry registry, JsonObject planned, RegistrySnapshot before)
    {
        var injected = registry.Faults.Injected;
        Assert.True(injected[FaultKind.Error] + injected[FaultKind.Drop] + injected[FaultKind.Timeout] > 0, "no fault was injected");
        output.WriteLine($"{task["result"]!.Str("summary")}; faults injected: {string.Join(", ", injected.Where(i => i.Value > 0).Select(i => $"{i.Key} {i.Value}"))}");
        var after = (await RegistrySnapshot.TakeAsync(registry.BaseAddress)).State;
        var changes = plan.Number("changes");
        var result = task["result"]!;
        var counts = (result.Number("applied"), result.Number("undone"), result.Number("failed"), result.Number("conflicts"));
        if (task.Str("status") == "completed")
        {
            Assert.Equal((changes, 0, 0, 0), counts);
            Assert.Equal(changes, result.Number("processed"));
            Assert.Null(result["error"]);
            Assert.Equal($"completed: {changes} applied, 0 undone, 0 failed, 0 in conflict, 0 skipped", result.Str("summary"));
            Assert.Empty(Differences(after, planned));
            return;
        }

        Assert.True(task.Str("status") == "rolled_back", task.ToJsonString());
        var (applied, undone, failed, conflicts) = counts;
        Assert.Equal(0, applied);
        Assert.True(failed + conflicts > 0, result.ToJsonString());
        var notRun = changes - result.Number("processed");
        Assert.Equal(changes, undone + failed + conflicts + notRun);
        Assert.Equal($"rolled_back: 0 applied, {undone} undone, {failed} failed, {conflicts} in conflict, 0 skipped", result.Str("summary"));
        Assert.StartsWith("Stopped on an error: ", result.Str("error"), StringComparison.Ordinal);
        Assert.EndsWith($"; {undone} applied change(s) were rolled back.", result.Str("error"), StringComparison.Ordinal);
        Assert.Empty(Differences(after, before.State));
    }

    private static IReadOnlyList<string> Differences(JsonObject actual, JsonObject expected) =>
        [.. actual.Select(p => p.Key).Union(expected.Select(p => p.Key)).Where(k => !JsonNode.DeepEquals(actual[k], expected[k])).Order(StringComparer.Ordinal)];

    private Dictionary<string, string> Settings() => new()
    {
        ["BulkWizard__Registries__0__Name"] = "lab",
        ["BulkWizard__Registries__0__Url"] = _registry.BaseAddress.ToString(),
        ["BulkWizard__Registries__1__Name"] = "target",
        ["BulkWizard__Registries__1__Url"] = _target.BaseAddress.ToString(),
        ["BulkWizard__DataDirectory"] = _data,
    };
}
