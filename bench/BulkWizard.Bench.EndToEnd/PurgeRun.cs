using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// One purge through the server and its undo: <c>bulk_schema_cleanup(old_versions, keep_last)</c>, its polled dry
/// run, the polled <c>YES</c> run; then <c>restore_backup(backup_id)</c>, its polled dry run and the polled
/// <c>YES</c> run. Each phase is timed from the client and counted at the Sandbox.
/// </summary>
internal sealed record PurgeRun(IReadOnlyList<PhaseFigures> Phases, double? PeakAfterPlanningMiB, double? PeakAfterRunMiB)
{
    public const string Pattern = "purge-*";
    public const int KeepLast = 3;
    public const int BatchSize = 1000;

    public static string PlanCall(bool permanent, int parallel) =>
        $"bulk_schema_cleanup(cleanup_type: \"old_versions\", pattern: \"{Pattern}\", keep_last: {KeepLast}, permanent: {(permanent ? "true" : "false")}, " +
        $"unknown_impact: \"proceed\", max_parallel: {parallel}, batch_size: {BatchSize})";

    /// <summary>Runs the purge; <paramref name="afterRun"/> looks at the registry between the purge and its restore (not counted).</summary>
    public static async Task<PurgeRun> ExecuteAsync(McpSession session, HttpClient sandbox, bool permanent, BenchOptions options, Func<Task> afterRun)
    {
        var phases = new List<PhaseFigures>();
        var counts = await RequestCounts.ReadAsync(sandbox);

        async Task<JsonObject> PlanAsync(string label, string tool, JsonObject arguments)
        {
            var (plan, elapsed) = await session.PlanAsync(tool, arguments);
            var now = await RequestCounts.ReadAsync(sandbox);
            phases.Add(new PhaseFigures(label, elapsed, plan.Int("changes"), $"{plan.Int("changes")} changes, {plan.Int("skipped")} skipped", now.Since(counts)));
            counts = now;
            Progress.Say($"{label}: {plan.Int("changes")} changes in {elapsed.TotalSeconds:0.00} s");
            return plan;
        }

        async Task<RunFigures> ConfirmAsync(string label, JsonObject plan, string? confirmation, bool dryRun)
        {
            var figures = await session.ConfirmAndWaitAsync(label, plan, confirmation, dryRun, dryRun ? options.RestoreDryRunWait : 0, options.PollInterval);
            var now = await RequestCounts.ReadAsync(sandbox);
            phases.Add(new PhaseFigures(label, figures.Elapsed, figures.Items, figures.Outcome + ServerTime(figures), now.Since(counts)));
            counts = now;
            Progress.Say($"{label}: {figures.Outcome} in {figures.Elapsed.TotalSeconds:0.00} s");
            return figures.Status == "completed"
                ? figures
                : throw new InvalidOperationException($"{label} did not complete: {figures.Outcome}; task: {figures.Task.ToJsonString()}");
        }

        var plan = await PlanAsync("plan", "bulk_schema_cleanup", new JsonObject
        {
            ["cleanup_type"] = "old_versions",
            ["pattern"] = Pattern,
            ["keep_last"] = KeepLast,
            ["permanent"] = permanent,
            ["unknown_impact"] = "proceed",
            ["max_parallel"] = options.Parallel,
            ["batch_size"] = BatchSize,
        });
        var peakAfterPlanning = session.Process.PeakMemoryMiB();
        await ConfirmAsync("dry run", plan, null, dryRun: true);
        var run = await ConfirmAsync("run", plan, "YES", dryRun: false);
        var peakAfterRun = session.Process.PeakMemoryMiB();
        var backupId = run.Result.Str("backup_id") ?? throw new InvalidOperationException($"the run's result has no backup_id: {run.Task.ToJsonString()}");

        var started = Stopwatch.GetTimestamp();
        await afterRun();
        Progress.Say($"checked the registry after the run in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
        counts = await RequestCounts.ReadAsync(sandbox);

        var restore = await PlanAsync("restore plan", "restore_backup", new JsonObject { ["backup_id"] = backupId });
        await ConfirmAsync("restore dry run", restore, null, dryRun: true);
        await ConfirmAsync("restore run", restore, "YES", dryRun: false);
        return new PurgeRun(phases, peakAfterPlanning, peakAfterRun);
    }

    private static string ServerTime(RunFigures figures) =>
        figures.ServerDuration is { } server ? $" (task created → finished: {server.TotalSeconds:0.00} s)" : string.Empty;
}
