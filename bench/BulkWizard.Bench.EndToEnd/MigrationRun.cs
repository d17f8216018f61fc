using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// One migration through the server and its undo: <c>bulk_schema_migration(migration_type: "registry")</c>, its polled
/// dry run, the polled <c>YES</c> run; then <c>restore_backup(backup_id)</c>, its polled dry run and the polled
/// <c>YES</c> run. Each phase is timed from the client and counted at both Sandboxes.
/// </summary>
/// <param name="RestoreFailure">Why the restore run did not complete cleanly (its outcome and first error); null when it did.</param>
internal sealed record MigrationRun(IReadOnlyList<MigrationPhase> Phases, double? PeakAfterPlanningMiB, double? PeakAfterRunMiB, string? RestoreFailure)
{
    public const string Pattern = MigrationLoad.Prefix + "*";
    public const string Source = "source";
    public const string Target = "target";
    public const int BatchSize = 1000;

    public static string PlanCall(int parallel) =>
        $"bulk_schema_migration(migration_type: \"registry\", pattern: \"{Pattern}\", source_registry: \"{Source}\", target_registry: \"{Target}\", " +
        $"max_parallel: {parallel}, batch_size: {BatchSize})";

    /// <summary>Runs the migration; <paramref name="afterRun"/> looks at both registries between the run and the restore (not counted).</summary>
    public static async Task<MigrationRun> ExecuteAsync(McpSession session, HttpClient source, HttpClient target, BenchOptions options, Func<Task> afterRun)
    {
        var phases = new List<MigrationPhase>();
        var counts = (Source: await RequestCounts.ReadAsync(source), Target: await RequestCounts.ReadAsync(target));

        async Task<(RequestCounts, RequestCounts)> CountAsync()
        {
            var now = (Source: await RequestCounts.ReadAsync(source), Target: await RequestCounts.ReadAsync(target));
            var since = (now.Source.Since(counts.Source), now.Target.Since(counts.Target));
            counts = now;
            return since;
        }

        async Task<JsonObject> PlanAsync(string label, string tool, JsonObject arguments)
        {
            var (plan, elapsed) = await session.PlanAsync(tool, arguments);
            var (onSource, onTarget) = await CountAsync();
            phases.Add(new MigrationPhase(label, elapsed, plan.Int("changes"), $"{plan.Int("changes")} changes, {plan.Int("skipped")} skipped", onSource, onTarget));
            Progress.Say($"{label}: {plan.Int("changes")} changes, {plan.Int("skipped")} skipped in {elapsed.TotalSeconds:0.00} s");
            return plan;
        }

        async Task<RunFigures> ConfirmAsync(string label, JsonObject plan, string? confirmation, bool dryRun)
        {
            var figures = await session.ConfirmAndWaitAsync(label, plan, confirmation, dryRun, dryRun ? options.RestoreDryRunWait : 0, options.PollInterval);
            var (onSource, onTarget) = await CountAsync();
            var server = figures.ServerDuration is { } duration ? $" (task created → finished: {duration.TotalSeconds:0.00} s)" : string.Empty;
            phases.Add(new MigrationPhase(label, figures.Elapsed, figures.Items, figures.Outcome + server, onSource, onTarget));
            Progress.Say($"{label}: {figures.Outcome} in {figures.Elapsed.TotalSeconds:0.00} s");
            return figures;
        }

        async Task<RunFigures> ConfirmCleanAsync(string label, JsonObject plan, string? confirmation, bool dryRun)
        {
            var figures = await ConfirmAsync(label, plan, confirmation, dryRun);
            return IsClean(figures) ? figures : throw new InvalidOperationException($"{label} did not complete cleanly: {figures.Outcome}");
        }

        var plan = await PlanAsync("plan", "bulk_schema_migration", new JsonObject
        {
            ["migration_type"] = "registry",
            ["pattern"] = Pattern,
            ["source_registry"] = Source,
            ["target_registry"] = Target,
            ["max_parallel"] = options.Parallel,
            ["batch_size"] = BatchSize,
        });
        if (plan.Int("skipped") > 0)
        {
            throw new InvalidOperationException($"the migration plan skips {plan.Int("skipped")} subject(s): {plan.ToJsonString()}");
        }

        var peakAfterPlanning = session.Process.PeakMemoryMiB();
        await ConfirmCleanAsync("dry run", plan, null, dryRun: true);
        var run = await ConfirmCleanAsync("run", plan, "YES", dryRun: false);
        var peakAfterRun = session.Process.PeakMemoryMiB();
        var backupId = run.Result.Str("backup_id") ?? throw new InvalidOperationException($"the run's result has no backup_id: {run.Task.ToJsonString()}");

        var started = Stopwatch.GetTimestamp();
        await afterRun();
        Progress.Say($"checked both registries after the run in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
        await CountAsync();

        var restore = await PlanAsync("restore plan", "restore_backup", new JsonObject { ["backup_id"] = backupId });
        await ConfirmCleanAsync("restore dry run", restore, null, dryRun: true);
        var restored = await ConfirmAsync("restore run", restore, "YES", dryRun: false);
        return new MigrationRun(phases, peakAfterPlanning, peakAfterRun, IsClean(restored) ? null : restored.Outcome);
    }

    /// <summary>Completed with nothing failed and nothing in conflict.</summary>
    private static bool IsClean(RunFigures figures) =>
        figures.Status == "completed" && figures.Result.Int("failed") == 0 && figures.Result.Int("conflicts") == 0;
}
