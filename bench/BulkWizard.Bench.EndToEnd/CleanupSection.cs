using System.Diagnostics;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The bulk cleanup over stdio: N subjects × V versions (<c>purge-…</c>), purged to the last
/// <see cref="PurgeRun.KeepLast"/> versions (soft, then permanent, each in a server of its own) and restored from
/// the purge's backup. The registry's whole version listing is compared after each run (what the purge should
/// leave) and after each restore (what there was before); any difference stops the bench.
/// </summary>
internal static class CleanupSection
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(ReportTable report, BenchPaths paths, SandboxProcess sandbox, RegistryLoad registry, BenchOptions options, string command)
    {
        void Add(string figure, string value) => report.Add(figure, value, command);
        Progress.Say($"registering {options.Subjects} subjects × {options.Versions} versions");
        var registering = await registry.RegisterVersionsAsync(options.Subjects, options.Versions);
        var registered = (long)options.Subjects * options.Versions;
        Add($"register {options.Subjects} subjects × {options.Versions} Avro versions (`POST /subjects/{{s}}/versions`, subjects {options.Parallel} at a time)", $"{registered / registering.TotalSeconds:0} requests/s ({registering.TotalSeconds:0.00} s)");

        var before = await VersionListing.ReadAsync(registry.Http);
        Add("registry before the purges (`GET /schemas?subjectPrefix=:*:&deleted=true`, paged)", $"{before.Subjects} subjects, {before.Versions} versions");
        foreach (var kind in options.Purges)
        {
            await PurgeAsync(kind == "permanent", before, paths, sandbox, registry, options, Add);
        }
    }

    private static async Task PurgeAsync(bool permanent, VersionListing before, BenchPaths paths, SandboxProcess sandbox, RegistryLoad registry, BenchOptions options, Action<string, string> add)
    {
        var kind = permanent ? "permanent" : "soft";
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-bench-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["SCHEMA_REGISTRY_URL"] = sandbox.Url.ToString().TrimEnd('/'), ["BulkWizard__DataDirectory"] = data };
        try
        {
            await using var session = await McpSession.StartAsync("dotnet", [paths.ServerDll], settings, options.KeepData ? data + ".stderr.log" : null);
            Progress.Say($"{kind} purge: planning over stdio");
            var expected = Purged(before, options.Versions - PurgeRun.KeepLast, permanent);
            var purge = await PurgeRun.ExecuteAsync(session, registry.Http, permanent, options, async () =>
            {
                var afterRun = await VersionListing.ReadAsync(registry.Http);
                if (afterRun.FirstDifference(expected) is { } difference)
                {
                    throw new InvalidOperationException($"{kind} purge: the registry after the run is not what the purge should leave. First difference: {difference}");
                }

                add($"{kind} purge: check after the run (whole listing)", $"as planned: {afterRun.Versions} versions, {afterRun.Versions - afterRun.Subjects * PurgeRun.KeepLast} soft-deleted");
            });

            foreach (var phase in purge.Phases)
            {
                var rate = phase.Label.Contains("plan", StringComparison.Ordinal) ? string.Empty : $", {phase.ItemsPerSecond:0} items/s";
                add($"{kind} purge, {phase.Label}" + (phase.Label == "plan" ? $": `{PurgeRun.PlanCall(permanent, options.Parallel)}`" : string.Empty),
                    $"{phase.Elapsed.TotalSeconds:0.00} s{rate}; {phase.Outcome}; {phase.Requests.Total} requests ({phase.Requests.Total / (double)Math.Max(1, phase.Items):0.00} per item)");
            }

            var after = await VersionListing.ReadAsync(registry.Http);
            if (after.FirstDifference(before) is { } changed)
            {
                throw new InvalidOperationException($"{kind} purge: the registry after the restore differs from before the purge. First difference: {changed}");
            }

            var settingsLeft = await registry.SampleWithoutOwnSettingsAsync(options.Subjects);
            add($"{kind} purge: check after the restore", $"whole listing equal to before ({after.Subjects} subjects, {after.Versions} versions: numbers, ids, deleted flags, schemas); " +
                $"sampled subjects without a config or mode of their own: {settingsLeft.Matching} of {settingsLeft.Sampled}");
            add($"{kind} purge: server peak memory (`VmHWM`): after planning / after the run / at the end", $"{Mib(purge.PeakAfterPlanningMiB)} / {Mib(purge.PeakAfterRunMiB)} / {Mib(session.Process.PeakMemoryMiB())}");
            var stderr = session.Process.Stderr;
            add($"{kind} purge: server stderr (log volume)", $"{stderr.Lines} lines, {stderr.Bytes / 1024.0:0.0} KiB ({stderr.Warnings} [WRN], {stderr.Errors} [ERR]/[FTL])");
            var closing = Stopwatch.GetTimestamp();
            var exit = await session.CloseAsync(ExitTimeout);
            add($"{kind} purge: server exit after stdin closes", exit is { } code ? $"exit code {code} in {Stopwatch.GetElapsedTime(closing).TotalSeconds:0.00} s" : $"killed after {ExitTimeout.TotalSeconds:0} s");
            var usage = DataDirectoryUsage.Measure(data);
            add($"{kind} purge: data directory after the purge and its restore: plans / backups (without journals) / journals / other", $"{usage.Plans} / {usage.Backups} / {usage.Journals} / {usage.Other}; total {usage.Total}");
            foreach (var phase in purge.Phases)
            {
                add($"{kind} purge, {phase.Label}: requests per route", phase.Requests.Describe());
            }
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

    /// <summary>What a purge of versions 1..<paramref name="doomed"/> of every purge subject leaves of <paramref name="before"/>.</summary>
    private static VersionListing Purged(VersionListing before, int doomed, bool permanent) =>
        before.Map((subject, version) => !subject.StartsWith("purge-", StringComparison.Ordinal) || version.Version > doomed
            ? version
            : permanent ? null : version with { Deleted = true });

    private static string Mib(double? value) => value is { } mib ? $"{mib:0} MiB" : "n/a";
}
