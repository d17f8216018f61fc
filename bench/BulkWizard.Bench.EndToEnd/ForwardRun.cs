using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The measured operation: <c>bulk_schema_update(pattern: "bench-*", compatibility: FULL)</c>, then
/// <c>confirm_bulk_operation(accept, dry_run false, wait_seconds 0)</c> and polling until it has finished.
/// </summary>
internal sealed record ForwardRun(TimeSpan Planning, int Changes, int Skipped, double? PeakAfterPlanningMiB, RunFigures Run, double? PeakAfterRunMiB)
{
    public const string Pattern = "bench-*";
    public const string Level = "FULL";
    public const int BatchSize = 1000;

    public string? BackupId => Run.Result.Str("backup_id");

    public static async Task<ForwardRun> ExecuteAsync(McpSession session, BenchOptions options)
    {
        var (plan, planning) = await session.PlanAsync("bulk_schema_update", new JsonObject
        {
            ["pattern"] = Pattern,
            ["compatibility"] = Level,
            ["max_parallel"] = options.Parallel,
            ["batch_size"] = BatchSize,
        });
        var peakAfterPlanning = session.Process.PeakMemoryMiB();
        Progress.Say($"planned {plan.Int("changes")} changes in {planning.TotalSeconds:0.00} s; running");
        var run = await session.ConfirmAndWaitAsync("run", plan, "accept", dryRun: false, waitSeconds: 0, options.PollInterval);
        return new ForwardRun(planning, plan.Int("changes"), plan.Int("skipped"), peakAfterPlanning, run, session.Process.PeakMemoryMiB());
    }
}
