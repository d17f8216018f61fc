using System.Diagnostics;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The migration over stdio between two standalone Sandboxes: N subjects × V versions with references
/// (<see cref="MigrationLoad"/>) registered in the source, copied to the empty target with ids and versions preserved,
/// then restored from the run's backup. The target's whole listing must equal the source's after the run, and be empty
/// after the restore with the source unchanged; any difference stops the bench. The yardstick, in the same run, copies
/// the same versions with their ids into a third, empty Sandbox with the minimal IMPORT requests. A restore run that
/// fails is reported with the state it left, the yardstick still runs, and the section returns the failure.
/// </summary>
internal static class MigrationSection
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    /// <returns>Why the restore of the migration failed; null when every phase and check passed.</returns>
    public static async Task<string?> RunAsync(ReportTable report, BenchPaths paths, MachineLoad machine, BenchOptions options, string command)
    {
        void Add(string figure, string value) => report.Add(figure, value, command);
        var sectionStart = Stopwatch.GetTimestamp();
        var othersAtStart = machine.OthersCpuSeconds();
        await using var source = await SandboxProcess.StartAsync(paths.SandboxDll);
        await using var target = await SandboxProcess.StartAsync(paths.SandboxDll);
        using var sourceHttp = new HttpClient { BaseAddress = source.Url, Timeout = TimeSpan.FromSeconds(60) };
        using var targetHttp = new HttpClient { BaseAddress = target.Url, Timeout = TimeSpan.FromSeconds(60) };

        Progress.Say($"registering {options.Subjects} subjects × {options.Versions} versions with references in the source");
        var registering = await MigrationLoad.RegisterAsync(sourceHttp, options.Subjects, options.Versions, options.Parallel);
        var registered = (long)options.Subjects * options.Versions;
        Add($"source: register {options.Subjects} subjects × {options.Versions} Avro versions, every {MigrationLoad.GroupSize}th a shared type referenced by the next {MigrationLoad.GroupSize - 1} (`POST /subjects/{{s}}/versions`, shared types first, subjects {options.Parallel} at a time)",
            $"{registered / registering.TotalSeconds:0} requests/s ({registering.TotalSeconds:0.00} s)");
        var before = await VersionListing.ReadAsync(sourceHttp);
        var referring = before.All.Count(s => s.Versions.Any(v => v.References != "[]"));
        Add("source before the migration (`GET /schemas?subjectPrefix=:*:&deleted=true`, paged)", $"{before.Subjects} subjects ({referring} with references), {before.Versions} versions");

        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-bench-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["BulkWizard__Registries__0__Name"] = MigrationRun.Source,
            ["BulkWizard__Registries__0__Url"] = source.Url.ToString().TrimEnd('/'),
            ["BulkWizard__Registries__1__Name"] = MigrationRun.Target,
            ["BulkWizard__Registries__1__Url"] = target.Url.ToString().TrimEnd('/'),
            ["BulkWizard__DataDirectory"] = data,
        };
        string? restoreFailure;
        try
        {
            MigrationRun migration;
            await using (var session = await McpSession.StartAsync("dotnet", [paths.ServerDll], settings, options.KeepData ? data + ".stderr.log" : null))
            {
                Progress.Say("migration: planning over stdio");
                migration = await MigrationRun.ExecuteAsync(session, sourceHttp, targetHttp, options, async () =>
                {
                    var copied = await VersionListing.ReadAsync(targetHttp);
                    if (copied.FirstDifference(before) is { } difference)
                    {
                        throw new InvalidOperationException($"migration: the target after the run differs from the source. First difference: {difference}");
                    }

                    var sourceAfter = await VersionListing.ReadAsync(sourceHttp);
                    if (sourceAfter.FirstDifference(before) is { } changed)
                    {
                        throw new InvalidOperationException($"migration: the source changed during the run. First difference: {changed}");
                    }

                    Add("check after the run (whole listings)", $"target equal to the source: {copied.Subjects} subjects, {copied.Versions} versions (numbers, ids, deleted flags, schemas, types, references); source unchanged");
                });

                var targetAfter = await VersionListing.ReadAsync(targetHttp);
                var sourceAfterRestore = await VersionListing.ReadAsync(sourceHttp);
                if (migration.RestoreFailure is { } failure)
                {
                    Progress.Say($"the restore run FAILED: {failure}");
                    var left = targetAfter.FirstDifference(before) is null ? "equal to the source (the restore removed nothing)" : $"{targetAfter.Subjects} subjects, {targetAfter.Versions} versions";
                    Add("check after the restore (whole listings)", $"FAILED: the restore run did not complete: {failure}. Target left: {left}; source equal to before: {(sourceAfterRestore.FirstDifference(before) is null ? "yes" : "no")}");
                }
                else if (targetAfter.Versions != 0)
                {
                    throw new InvalidOperationException($"migration: the target is not empty after the restore: {targetAfter.Subjects} subjects, {targetAfter.Versions} versions; first: {targetAfter.All.First().Subject}");
                }

                if (sourceAfterRestore.FirstDifference(before) is { } changedByRestore)
                {
                    throw new InvalidOperationException($"migration: the source after the restore differs from before. First difference: {changedByRestore}");
                }

                if (migration.RestoreFailure is null)
                {
                    Add("check after the restore (whole listings)", $"target empty (0 versions, soft-deleted ones included); source equal to before ({sourceAfterRestore.Subjects} subjects, {sourceAfterRestore.Versions} versions)");
                }

                foreach (var phase in migration.Phases)
                {
                    var rate = phase.Label.Contains("plan", StringComparison.Ordinal) ? string.Empty : $", {phase.ItemsPerSecond:0} items/s";
                    var total = phase.Source.Total + phase.Target.Total;
                    Add($"migration, {phase.Label}" + (phase.Label == "plan" ? $": `{MigrationRun.PlanCall(options.Parallel)}`" : string.Empty),
                        $"{phase.Elapsed.TotalSeconds:0.00} s{rate}; {phase.Outcome}; {total} requests ({total / (double)Math.Max(1, phase.Items):0.00} per item): source {phase.Source.Total}, target {phase.Target.Total}");
                }

                Add("migration: server peak memory (`VmHWM`): after planning / after the run / at the end", $"{Mib(migration.PeakAfterPlanningMiB)} / {Mib(migration.PeakAfterRunMiB)} / {Mib(session.Process.PeakMemoryMiB())}");
                var stderr = session.Process.Stderr;
                Add("migration: server stderr (log volume)", $"{stderr.Lines} lines, {stderr.Bytes / 1024.0:0.0} KiB ({stderr.Warnings} [WRN], {stderr.Errors} [ERR]/[FTL])");
                var closing = Stopwatch.GetTimestamp();
                var exit = await session.CloseAsync(ExitTimeout);
                Add("migration: server exit after stdin closes", exit is { } code ? $"exit code {code} in {Stopwatch.GetElapsedTime(closing).TotalSeconds:0.00} s" : $"killed after {ExitTimeout.TotalSeconds:0} s");
            }

            restoreFailure = migration.RestoreFailure;
            var usage = DataDirectoryUsage.Measure(data);
            Add("migration: data directory after the run and its restore: plans / backups (without journals) / journals / other", $"{usage.Plans} / {usage.Backups} / {usage.Journals} / {usage.Other}; total {usage.Total}");
            foreach (var phase in migration.Phases)
            {
                Add($"migration, {phase.Label}: requests per route, source", phase.Source.Describe());
                Add($"migration, {phase.Label}: requests per route, target", phase.Target.Describe());
            }

            await YardstickAsync(migration, before, paths, options, Add);
            Add("standalone Sandboxes peak memory (`VmHWM`): source / target", $"{Mib(source.Process.PeakMemoryMiB())} / {Mib(target.Process.PeakMemoryMiB())}");
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

        var others = machine.OthersCpuSeconds(source.Process.Id, target.Process.Id) - othersAtStart;
        var seconds = Stopwatch.GetElapsedTime(sectionStart).TotalSeconds;
        Add("section: wall time; CPU used meanwhile by other processes on the machine", others is { } o ? $"{seconds:0} s; {o:0} core-seconds ({o / seconds:0.00} cores on average of {Environment.ProcessorCount})" : $"{seconds:0} s; unknown (no /proc)");
        return restoreFailure;
    }

    /// <summary>The plain IMPORT loop into a third, empty Sandbox, checked like the migration, and the migration's ratios to it.</summary>
    private static async Task YardstickAsync(MigrationRun migration, VersionListing before, BenchPaths paths, BenchOptions options, Action<string, string> add)
    {
        await using var copy = await SandboxProcess.StartAsync(paths.SandboxDll);
        using var http = new HttpClient { BaseAddress = copy.Url, Timeout = TimeSpan.FromSeconds(60) };
        var counts = await RequestCounts.ReadAsync(http);
        Progress.Say($"yardstick: importing {before.Subjects} subjects with their ids into a third Sandbox");
        var elapsed = await MigrationLoad.ImportAsync(http, before, options.Parallel);
        var requests = (await RequestCounts.ReadAsync(http)).Since(counts);
        var copied = await VersionListing.ReadAsync(http);
        if (copied.FirstDifference(before) is { } difference)
        {
            throw new InvalidOperationException($"yardstick: the copy differs from the source. First difference: {difference}");
        }

        var rate = before.Subjects / elapsed.TotalSeconds;
        add($"yardstick: plain HttpClient IMPORT copy into a third empty Sandbox, subjects {options.Parallel} at a time, referenced subjects first: `PUT /mode/{{s}}?force=true` IMPORT, `POST /subjects/{{s}}/versions` with id, version, schemaType and references per version, `DELETE /mode/{{s}}`",
            $"{elapsed.TotalSeconds:0.00} s, {rate:0} items/s; {requests.Total} requests ({requests.Total / (double)before.Subjects:0.00} per item); copy equal to the source ({copied.Subjects} subjects, {copied.Versions} versions)");
        add("yardstick: requests per route", requests.Describe());
        var run = migration.Phases.Single(p => p.Label == "run");
        var whole = migration.Phases.Where(p => p.Label is "plan" or "dry run" or "run").Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed);
        add("migration run: items/s ÷ yardstick items/s", $"{run.ItemsPerSecond / rate:0.00} (run {run.Elapsed.TotalSeconds:0.00} s vs {elapsed.TotalSeconds:0.00} s: {run.Elapsed / elapsed:0.0}× the time)");
        add("migration plan + dry run + run: time ÷ yardstick time", $"{whole / elapsed:0.0}× ({whole.TotalSeconds:0.00} s vs {elapsed.TotalSeconds:0.00} s)");
        add("yardstick Sandbox peak memory (`VmHWM`)", Mib(copy.Process.PeakMemoryMiB()));
    }

    private static string Mib(double? mib) => mib is { } value ? $"{value:0} MiB" : "n/a";
}
