namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Start-up to the <c>initialize</c> response: the built server with its embedded Sandbox (no registry
/// settings), the built server with a configured registry, and the Node reference server-everything.
/// </summary>
internal static class StartupSection
{
    public static async Task RunAsync(ReportTable report, BenchPaths paths, SandboxProcess sandbox, BenchOptions options, string command)
    {
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-bench-startup-" + Guid.NewGuid().ToString("N"));
        var targets = new List<StartupTarget>
        {
            new("BulkWizard server, embedded Sandbox (no registry settings)", "dotnet", [paths.ServerDll], new Dictionary<string, string> { ["BulkWizard__DataDirectory"] = data }),
            new("BulkWizard server, configured registry (`SCHEMA_REGISTRY_URL`)", "dotnet", [paths.ServerDll], new Dictionary<string, string>
            {
                ["SCHEMA_REGISTRY_URL"] = sandbox.Url.ToString().TrimEnd('/'),
                ["BulkWizard__DataDirectory"] = data,
            }),
        };
        var (script, problem) = await NodeReference.EnsureInstalledAsync(paths.NodeFolder);
        if (script is not null)
        {
            targets.Add(new($"Node reference `{NodeReference.Package}` (`node dist/index.js stdio`)", "node", [script, "stdio"], new Dictionary<string, string>()));
        }
        else
        {
            report.Note($"Node reference server not measured: {problem}.");
        }

        try
        {
            var figures = await StartupBench.MeasureAsync(targets, options.Starts);
            foreach (var figure in figures)
            {
                report.Add($"start-up, median of {options.Starts}: {figure.Target.Name}", figure.Describe(), command);
            }

            if (script is not null)
            {
                var node = figures[^1].Median;
                foreach (var figure in figures.SkipLast(1))
                {
                    report.Add($"start-up ratio: {figure.Target.Name} ÷ Node reference", $"{figure.Median / node:0.00}", command);
                }
            }
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
