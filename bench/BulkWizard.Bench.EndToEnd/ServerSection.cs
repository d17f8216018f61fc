using System.Diagnostics;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The built server over stdio against the standalone Sandbox: plan and run the FULL update of every
/// generated subject, restore it, then its peak memory, log volume, exit and data directory.
/// </summary>
internal static class ServerSection
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(ReportTable report, BenchPaths paths, SandboxProcess sandbox, RegistryLoad registry, BenchOptions options, double? yardstick, string? levelBefore, string command)
    {
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-bench-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["SCHEMA_REGISTRY_URL"] = sandbox.Url.ToString().TrimEnd('/'), ["BulkWizard__DataDirectory"] = data };
        void Add(string figure, string value) => report.Add(figure, value, command);
        try
        {
            await using var session = await McpSession.StartAsync("dotnet", [paths.ServerDll], settings, options.KeepData ? data + ".stderr.log" : null);
            Add("server: process start to `initialize` response (this run)", $"{session.Startup.TotalMilliseconds:0} ms");

            Progress.Say("planning bulk_schema_update over stdio");
            var forward = await ForwardRun.ExecuteAsync(session, options);
            var run = forward.Run;
            Progress.Say($"run {run.Outcome} in {run.Elapsed.TotalSeconds:0.00} s");
            Add($"plan: `bulk_schema_update(pattern: \"{ForwardRun.Pattern}\", compatibility: \"{ForwardRun.Level}\", max_parallel: {options.Parallel}, batch_size: {ForwardRun.BatchSize})`", $"{forward.Planning.TotalSeconds:0.00} s ({forward.Changes} changes, {forward.Skipped} skipped)");
            Add("run: `confirm_bulk_operation(accept, dry_run: false, wait_seconds: 0)` to finished `get_task_status`", $"{run.Elapsed.TotalSeconds:0.00} s, {run.Outcome}{ServerTime(run)}");
            Add("run: items/s end to end", $"{run.ItemsPerSecond:0} items/s");
            if (yardstick is { } perSecond)
            {
                Add("run: items/s ÷ yardstick items/s", $"{run.ItemsPerSecond / perSecond:0.00}");
            }

            var afterRun = await registry.SampleAsync(options.Subjects, ForwardRun.Level);
            Add($"check: sampled subjects at {ForwardRun.Level} after the run", $"{afterRun.Matching} of {afterRun.Sampled}");

            if (forward.BackupId is { } backupId)
            {
                await RestoreAsync(session, backupId, forward, registry, options, levelBefore, Add);
            }
            else
            {
                Add("restore", "not run: the run's result has no backup_id");
            }

            Add("server peak memory (`VmHWM`): after planning / after the run / at the end", $"{Mib(forward.PeakAfterPlanningMiB)} / {Mib(forward.PeakAfterRunMiB)} / {Mib(session.Process.PeakMemoryMiB())}");
            var stderr = session.Process.Stderr;
            Add("server stderr during the session (log volume)", $"{stderr.Lines} lines, {stderr.Bytes / 1024.0:0.0} KiB ({stderr.Warnings} [WRN], {stderr.Errors} [ERR]/[FTL])");
            Add("server stdout: lines that are not JSON / notifications", $"{session.Rpc.NonJsonLines} / {session.Rpc.Notifications}");
            var closing = Stopwatch.GetTimestamp();
            var exit = await session.CloseAsync(ExitTimeout);
            Add("server exit after stdin closes", exit is { } code ? $"exit code {code} in {Stopwatch.GetElapsedTime(closing).TotalSeconds:0.00} s" : $"killed after {ExitTimeout.TotalSeconds:0} s");
            var usage = DataDirectoryUsage.Measure(data);
            Add("data directory after the run and the restore: plans / backups (without journals) / journals / other", $"{usage.Plans} / {usage.Backups} / {usage.Journals} / {usage.Other}; total {usage.Total}");
        }
        finally
        {
            if (options.KeepData)
            {
                Progress.Say($"data directory kept: {data}; the server's stderr: {data}.stderr.log");
            }
            else if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task RestoreAsync(McpSession session, string backupId, ForwardRun forward, RegistryLoad registry, BenchOptions options, string? levelBefore, Action<string, string> add)
    {
        Progress.Say($"restoring {backupId}");
        var restore = await RestoreRun.ExecuteAsync(session, backupId, options);
        var forwardSeconds = forward.Run.Elapsed.TotalSeconds;
        string Versus(RunFigures figures) => $"{figures.Elapsed.TotalSeconds:0.00} s = {figures.Elapsed.TotalSeconds / forwardSeconds:0.00} × the run, {figures.Outcome}{ServerTime(figures)}";
        add("restore plan: `restore_backup(backup_id)`", $"{restore.Planning.TotalSeconds:0.00} s ({restore.Changes} changes)");
        add($"restore dry run: `confirm_bulk_operation(dry_run: true, wait_seconds: {options.RestoreDryRunWait})`, polled", Versus(restore.DryRun));
        if (restore.Refusal is { } refusal)
        {
            add("restore: YES after the polled dry run", $"refused: {refusal}");
        }

        if (restore.RepeatedDryRun is { } repeated)
        {
            add($"restore dry run again: `wait_seconds: {BenchOptions.RestoreDryRunFallbackWait}`, polled", Versus(repeated));
        }

        if (restore.Run is { } run)
        {
            add("restore run: `confirm_bulk_operation(YES, dry_run: false, wait_seconds: 0)`, polled", Versus(run));
            var restored = await registry.SampleAsync(options.Subjects, levelBefore);
            add($"check: sampled subjects back to {levelBefore ?? "no level of their own"} after the restore", $"{restored.Matching} of {restored.Sampled}");
        }
    }

    private static string ServerTime(RunFigures figures) =>
        figures.ServerDuration is { } server ? $" (task created → finished: {server.TotalSeconds:0.00} s)" : string.Empty;

    private static string Mib(double? value) => value is { } mib ? $"{mib:0} MiB" : "n/a";
}
