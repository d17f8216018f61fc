using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The undo of the measured run: <c>restore_backup(backup_id)</c>, its dry run (polled), then the real run
/// with <c>YES</c> (polled). A server that counts a dry run only when it finished inside the confirming
/// call refuses that YES; the bench then repeats the dry run with <c>wait_seconds</c>
/// <see cref="BenchOptions.RestoreDryRunFallbackWait"/> and says so (<see cref="Refusal"/>).
/// </summary>
internal sealed record RestoreRun(TimeSpan Planning, int Changes, RunFigures DryRun, string? Refusal, RunFigures? RepeatedDryRun, RunFigures? Run)
{
    public static async Task<RestoreRun> ExecuteAsync(McpSession session, string backupId, BenchOptions options)
    {
        var (plan, planning) = await session.PlanAsync("restore_backup", new JsonObject { ["backup_id"] = backupId });
        Progress.Say($"restore planned ({plan.Int("changes")} changes) in {planning.TotalSeconds:0.00} s; dry run");
        var dryRun = await session.ConfirmAndWaitAsync($"dry run, wait_seconds {options.RestoreDryRunWait}", plan, null, dryRun: true, options.RestoreDryRunWait, options.PollInterval);
        Progress.Say($"restore dry run {dryRun.Status} in {dryRun.Elapsed.TotalSeconds:0.00} s; restoring");
        try
        {
            return new RestoreRun(planning, plan.Int("changes"), dryRun, null, null, await RunAsync(session, plan, options));
        }
        catch (ToolCallException refused) when (refused.Text.Contains("dry_run", StringComparison.Ordinal) && options.RestoreDryRunWait < BenchOptions.RestoreDryRunFallbackWait)
        {
            const int wait = BenchOptions.RestoreDryRunFallbackWait;
            Progress.Say($"YES refused after the polled dry run ({refused.Text}); dry run again with wait_seconds {wait}");
            var repeated = await session.ConfirmAndWaitAsync($"dry run, wait_seconds {wait}", plan, null, dryRun: true, wait, options.PollInterval);
            try
            {
                return new RestoreRun(planning, plan.Int("changes"), dryRun, refused.Text, repeated, await RunAsync(session, plan, options));
            }
            catch (ToolCallException again)
            {
                return new RestoreRun(planning, plan.Int("changes"), dryRun, $"{refused.Text} Then, after a dry run with wait_seconds {wait}: {again.Text}", repeated, null);
            }
        }
    }

    private static Task<RunFigures> RunAsync(McpSession session, JsonObject plan, BenchOptions options) =>
        session.ConfirmAndWaitAsync("run", plan, "YES", dryRun: false, waitSeconds: 0, options.PollInterval);
}
