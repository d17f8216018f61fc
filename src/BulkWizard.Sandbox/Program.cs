using BulkWizard.Sandbox;
using BulkWizard.Sandbox.Hosting;
using Microsoft.Extensions.Logging;

// Standalone Sandbox registry: logs go to stderr; it runs until Ctrl+C.
if (!SandboxCommandLine.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var registry = await SandboxRegistry.StartAsync(options, loggerFactory);
await Console.Error.WriteLineAsync(
    $"Sandbox schema registry ({options.Profile}, {(options.SeedDemoData ? "demo data" : "empty")}) listening on {registry.BaseAddress}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or process exit: dispose the registry and leave.
}

return 0;
