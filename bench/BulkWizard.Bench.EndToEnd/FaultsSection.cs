using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// A compatibility update of N subjects over stdio against a standalone Sandbox that fails 5 % of its requests
/// (<see cref="SandboxFaults.FivePercent"/>, armed for the run only), or turns 0.5 % away with 429 and Retry-After
/// (<see cref="SandboxFaults.RateLimited"/>: the registry's pace waits them out), next to the same update without faults. Each run
/// starts from subjects without a config of their own, plans in a server of its own, runs (<c>accept</c>, polled), and
/// is checked against the registry: completed must leave every subject at the new level, rolled back every subject as
/// before. Requests are the Sandbox's own counts (faulted ones included); faults are the injector's.
/// </summary>
internal static class FaultsSection
{
    public const string Pattern = "bench-*";
    public const string Level = "FULL";
    public const int BatchSize = 1000;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static string PlanCall(int parallel) =>
        $"bulk_schema_update(pattern: \"{Pattern}\", compatibility: \"{Level}\", max_parallel: {parallel}, batch_size: {BatchSize})";

    public static async Task RunAsync(ReportTable report, BenchPaths paths, MachineLoad machine, BenchOptions options, string command)
    {
        void Add(string figure, string value) => report.Add(figure, value, command);
        var sectionStart = Stopwatch.GetTimestamp();
        var othersAtStart = machine.OthersCpuSeconds();
        await using var sandbox = await SandboxProcess.StartAsync(paths.SandboxDll, faultsEndpoint: true);
        using var registry = new RegistryLoad(sandbox.Url, options.Parallel);
        Progress.Say($"faults: registering {options.Subjects} subjects");
        var registering = await registry.RegisterAsync(options.Subjects);
        Add($"faults: register {options.Subjects} subjects (`POST /subjects/{{s}}/versions`, {options.Parallel} at a time)", $"{options.Subjects / registering.TotalSeconds:0} requests/s ({registering.TotalSeconds:0.00} s)");

        foreach (var (label, mix) in new[] { ("without faults", null), ("with 5 % faults", SandboxFaults.FivePercent), ("with 0.5 % 429 Retry-After 1 s", SandboxFaults.RateLimited) })
        {
            var faulted = mix is not null;
            var run = await UpdateAsync(paths, sandbox, registry, options, mix);
            Add($"faults: compatibility update {label}, plan: `{PlanCall(options.Parallel)}`", $"{run.Plan.TotalSeconds:0.00} s; {run.Changes} changes");
            Add($"faults: compatibility update {label}, run (`confirm_bulk_operation` accept, polled)", $"{run.Figures.Elapsed.TotalSeconds:0.00} s, {options.Subjects / run.Figures.Elapsed.TotalSeconds:0} subjects/s; {run.Figures.Outcome}; result message: {run.Figures.Result.Str("error") ?? "none"}");
            Add($"faults: compatibility update {label}: registry after the run (`GET /config/{{s}}` of every subject)", run.Check);
            Add($"faults: compatibility update {label}: requests during the run, per route (faulted ones included)", $"{run.Requests.Total} ({run.Requests.Total / (double)options.Subjects:0.00} per subject): {run.Requests.Describe()}");
            if (faulted)
            {
                Add($"faults: {label}: fault mix armed for the run (`PUT /_sandbox/faults`)", $"`{SandboxFaults.Describe(mix!)}`");
                Add($"faults: {label}: injected during the run (`GET /_sandbox/faults`)", $"{run.Injected.Values.Sum()} ({run.Injected.Values.Sum() * 100.0 / Math.Max(1, run.Requests.Total):0.0} % of the requests): {string.Join(", ", run.Injected.Select(p => $"{p.Key} {p.Value}"))}");
            }

            if (run.Figures.Result?["slowdowns"] is JsonObject slowdowns)
            {
                Add($"faults: compatibility update {label}: slowdowns in the task's result", $"`{slowdowns.ToJsonString()}`");
            }

            Add($"faults: compatibility update {label}: server stderr", $"{run.Stderr.Lines} lines ({run.Stderr.Warnings} [WRN], {run.Stderr.Errors} [ERR]/[FTL]); {run.Retries} retry lines");
        }

        var others = machine.OthersCpuSeconds(sandbox.Process.Id) - othersAtStart;
        var wall = Stopwatch.GetElapsedTime(sectionStart).TotalSeconds;
        Add("faults: section wall time; CPU used meanwhile by other processes on the machine", $"{wall:0} s; " + (others is { } seconds ? $"{seconds:0} core-seconds ({seconds / wall:0.00} cores on average of {Environment.ProcessorCount})" : "unknown"));
    }

    private sealed record UpdateRun(TimeSpan Plan, int Changes, RunFigures Figures, string Check, RequestCounts Requests, IReadOnlyDictionary<string, long> Injected, StderrCounts Stderr, int Retries);

    /// <summary>Clears every subject's config, plans and runs the update (under <paramref name="mix"/> when given), and checks the registry.</summary>
    private static async Task<UpdateRun> UpdateAsync(BenchPaths paths, SandboxProcess sandbox, RegistryLoad registry, BenchOptions options, JsonObject? mix)
    {
        var faulted = mix is not null;
        await registry.DeleteConfigAsync(options.Subjects);
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-bench-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["SCHEMA_REGISTRY_URL"] = sandbox.Url.ToString().TrimEnd('/'), ["BulkWizard__DataDirectory"] = data };
        var retries = 0;
        try
        {
            await using var session = await McpSession.StartAsync("dotnet", [paths.ServerDll], settings, data + ".stderr.log");
            Progress.Say($"faults: planning ({(faulted ? "faults armed for the run" : "no faults")})");
            var (plan, planned) = await session.PlanAsync("bulk_schema_update", new JsonObject
            {
                ["pattern"] = Pattern, ["compatibility"] = Level, ["max_parallel"] = options.Parallel, ["batch_size"] = BatchSize,
            });
            var before = await RequestCounts.ReadAsync(registry.Http);
            if (faulted)
            {
                await SandboxFaults.ArmAsync(registry.Http, mix!);
            }

            RunFigures figures;
            IReadOnlyDictionary<string, long> injected = new Dictionary<string, long>();
            try
            {
                figures = await session.ConfirmAndWaitAsync("run", plan, "accept", dryRun: false, waitSeconds: 0, options.PollInterval);
            }
            finally
            {
                if (faulted)
                {
                    injected = await SandboxFaults.InjectedAsync(registry.Http);
                    await SandboxFaults.DisarmAsync(registry.Http);
                }
            }

            var requests = (await RequestCounts.ReadAsync(registry.Http)).Since(before);
            Progress.Say($"faults: {figures.Outcome} in {figures.Elapsed.TotalSeconds:0.00} s");
            var check = await CheckAsync(registry, options.Subjects, figures.Status);
            var stderr = session.Process.Stderr;
            await session.CloseAsync(ExitTimeout);
            retries = File.Exists(data + ".stderr.log") ? File.ReadLines(data + ".stderr.log").Count(l => l.Contains(": retry ", StringComparison.Ordinal) || l.Contains("sending it again", StringComparison.Ordinal)) : 0;
            return new UpdateRun(planned, plan.Int("changes"), figures, check, requests, injected, stderr, retries);
        }
        finally
        {
            File.Delete(data + ".stderr.log");
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>Every subject at <see cref="Level"/> after a completed run, every one without a config after a rollback; otherwise the bench stops.</summary>
    private static async Task<string> CheckAsync(RegistryLoad registry, int subjects, string status)
    {
        var levels = await registry.ConfigLevelsAsync(subjects);
        var atLevel = levels.Count(l => l == Level);
        var without = levels.Count(l => l is null);
        var verdict = status switch
        {
            "completed" when atLevel == subjects => $"as planned: {atLevel} of {subjects} subjects at {Level}",
            "rolled_back" when without == subjects => $"as before: {without} of {subjects} subjects without a config of their own",
            _ => throw new InvalidOperationException($"faults: the run ended {status}, but {atLevel} subject(s) are at {Level} and {without} have no config of their own, of {subjects}"),
        };
        return verdict;
    }
}
