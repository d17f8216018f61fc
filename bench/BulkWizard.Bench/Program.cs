using System.Diagnostics;
using System.Globalization;
using BulkWizard.Bench;
using BulkWizard.Compatibility;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project bench/BulkWizard.Bench -- [subjects=10000] [latency-ms=0]
var subjects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0);
var report = new List<string>
{
    $"Sandbox on loopback, {Environment.ProcessorCount} cores, added latency {latency.TotalMilliseconds} ms per request, {DateTime.UtcNow:yyyy-MM-dd}.",
    "",
    "| scenario | subjects selected | changes | requests | per route | time |",
    "| --- | --- | --- | --- | --- | --- |",
};

await using (var demo = await BenchRegistry.StartAsync(demoData: true, latency))
{
    report.Add(await PlanRowAsync(demo, "plan FULL over every demo subject (:*:*)", ":*:*", CompatibilityLevel.Full));
    report.Add(await PlanRowAsync(demo, "plan FULL over test-* (demo)", "test-*", CompatibilityLevel.Full));
}

await using (var large = await BenchRegistry.StartAsync(demoData: false, latency))
{
    await large.GenerateAsync(subjects);
    report.Add(await PlanRowAsync(large, $"plan FULL over {subjects} generated subjects", "bench-*", CompatibilityLevel.Full));
    report.Add(await PlanRowAsync(large, $"plan NONE over {subjects} generated subjects (no history check)", "bench-*", CompatibilityLevel.None));
    foreach (var parallel in new[] { 1, 8 })
    {
        report.Add(await ExecuteRowAsync(large, subjects, parallel, parallel == 1 ? CompatibilityLevel.Forward : CompatibilityLevel.Backward));
    }
}

Console.WriteLine(string.Join('\n', report));

static async Task<(OperationPlan Plan, TimeSpan Elapsed)> PlanAsync(BenchRegistry registry, string pattern, CompatibilityLevel level, BulkOperationConfig config)
{
    var started = Stopwatch.GetTimestamp();
    var catalog = await SubjectCatalog.ReadAsync(registry.Gateway, includeDeleted: false, CancellationToken.None);
    var selected = new SelectedSubjects(pattern, catalog.Match(SubjectPattern.Parse(pattern)), new Dictionary<BulkWizard.Core.Registry.QualifiedSubject, string>())
    {
        ContextSizes = catalog.Subjects.GroupBy(s => s.Context).ToDictionary(g => g.Key, g => g.Count()),
    };
    var plan = await new CompatibilityPlanner(registry.Gateway, TimeProvider.System).PlanAsync(selected, level, config, [], CancellationToken.None);
    return (PlanJson.Sealed(plan), Stopwatch.GetElapsedTime(started));
}

static async Task<string> PlanRowAsync(BenchRegistry registry, string scenario, string pattern, CompatibilityLevel level)
{
    registry.Sandbox.Requests.Reset();
    var (plan, elapsed) = await PlanAsync(registry, pattern, level, new BulkOperationConfig());
    var routes = registry.Sandbox.Requests.Snapshot().OrderByDescending(p => p.Value).Select(p => $"{p.Key}: {p.Value}");
    return $"| {scenario} | {plan.Changes.Count + plan.Skipped.Count} | {plan.Changes.Count} | {registry.Sandbox.Requests.Total} | {string.Join("; ", routes)} | {elapsed.TotalSeconds:0.00} s |";
}

static async Task<string> ExecuteRowAsync(BenchRegistry registry, int subjects, int parallel, CompatibilityLevel level)
{
    var config = new BulkOperationConfig { BatchSize = 1000, MaxParallel = parallel, DryRun = false };
    var (plan, _) = await PlanAsync(registry, "bench-*", level, config);
    var data = new DataDirectory(Path.Combine(Path.GetTempPath(), "bulkwizard-bench-" + Guid.NewGuid().ToString("N")));
    var executor = new PlanExecutor(new FileBackupStore(data), data, TimeProvider.System, NullLogger<PlanExecutor>.Instance);
    registry.Sandbox.Requests.Reset();
    var started = Stopwatch.GetTimestamp();
    var result = await executor.ExecuteAsync(plan, registry.Gateway, new ExecutionRequest(config, DryRun: false, "benchmark"), CancellationToken.None);
    var elapsed = Stopwatch.GetElapsedTime(started);
    Directory.Delete(data.Root, recursive: true);
    return $"| execute {plan.Changes.Count} changes, max_parallel {parallel}, batch 1000, canary, backup, journal ({result.TaskStatus}, {result.Applied} applied) | {subjects} | {plan.Changes.Count} | {registry.Sandbox.Requests.Total} | per item {registry.Sandbox.Requests.Total / (double)Math.Max(1, plan.Changes.Count):0.0} | {elapsed.TotalSeconds:0.00} s |";
}
