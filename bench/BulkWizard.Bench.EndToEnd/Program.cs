using BulkWizard.Bench.EndToEnd;

// Usage: see BenchOptions.Usage. The report (Markdown) goes to stdout, progress to stderr.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var machine = new MachineLoad();
var paths = BenchPaths.Find();
var bench = $"dotnet bench/BulkWizard.Bench.EndToEnd/bin/{paths.Configuration}/net10.0/BulkWizard.Bench.EndToEnd.dll";
var subjectsCommand = $"bench --subjects {options.Subjects}";
var report = new ReportTable();
report.Header($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {MachineLoad.Describe()}; `bench` = `{bench}`; this run: `bench {options.Arguments}`.");

string? failure = null;
await using (var sandbox = await SandboxProcess.StartAsync(paths.SandboxDll))
{
    using var registry = new RegistryLoad(sandbox.Url, options.Parallel);
    double? yardstick = null;
    string? levelBefore = null;
    if (options.Runs("registry") || options.Runs("server"))
    {
        await RegistrySection.RegisterAsync(report, registry, options, subjectsCommand);
    }

    if (options.Runs("registry"))
    {
        yardstick = await RegistrySection.MeasureAsync(report, registry, options, subjectsCommand);
        levelBefore = RegistrySection.LevelAfter;
    }

    if (options.Runs("server"))
    {
        await ServerSection.RunAsync(report, paths, sandbox, registry, options, yardstick, levelBefore, subjectsCommand);
    }

    if (options.Runs("cleanup"))
    {
        await CleanupSection.RunAsync(report, paths, sandbox, registry, options, options.Sections.Count == 1 ? $"bench {options.Arguments}" : $"bench --subjects {options.Subjects} --versions {options.Versions} --only cleanup");
    }

    if (options.Runs("migration"))
    {
        failure = await MigrationSection.RunAsync(report, paths, machine, options, options.Sections.Count == 1 ? $"bench {options.Arguments}" : $"bench --subjects {options.Subjects} --versions {options.Versions} --only migration");
    }

    if (options.Runs("faults"))
    {
        await FaultsSection.RunAsync(report, paths, machine, options, options.Sections.Count == 1 ? $"bench {options.Arguments}" : $"bench --subjects {options.Subjects} --only faults");
    }

    if (options.Runs("startup"))
    {
        await StartupSection.RunAsync(report, paths, sandbox, options, options.Runs("registry") || options.Runs("server") ? "bench --only startup" : $"bench {options.Arguments}");
    }

    if (options.Runs("registry") || options.Runs("server") || options.Runs("cleanup"))
    {
        report.Add("standalone Sandbox peak memory (`VmHWM`)", sandbox.Process.PeakMemoryMiB() is { } mib ? $"{mib:0} MiB" : "n/a", options.Runs("registry") || options.Runs("server") ? subjectsCommand : $"bench {options.Arguments}");
    }

    var others = machine.OthersCpuSeconds(sandbox.Process.Id);
    report.Header($"Whole bench: {machine.Elapsed.TotalSeconds:0} s wall; CPU used meanwhile by other processes on the machine: "
        + (others is { } seconds ? $"{seconds:0} core-seconds ({seconds / machine.Elapsed.TotalSeconds:0.00} cores on average of {Environment.ProcessorCount})." : "unknown (no /proc)."));
}

Console.Write(report.Render());
if (failure is not null)
{
    await Console.Error.WriteLineAsync($"FAILED: {failure}");
    return 1;
}

return 0;
