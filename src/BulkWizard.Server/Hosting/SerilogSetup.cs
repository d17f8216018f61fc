using System.Globalization;
using BulkWizard.Server.Configuration;
using Serilog;
using Serilog.Events;

namespace BulkWizard.Server.Hosting;

/// <summary>Builds the one logger of the process. Every event goes to stderr: stdout belongs to JSON-RPC.</summary>
public static class SerilogSetup
{
    private const string Template = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Categories that write a line per MCP request at Information (the SDK's request handlers, host lifetime
    /// chatter): at the default level they keep only warnings, so a 10,000-subject run logs its phases, not its
    /// requests. Polly's resilience telemetry keeps only errors. At Debug or below they are all back.
    /// </summary>
    private static readonly string[] PerRequestCategories = ["ModelContextProtocol", "Microsoft.Hosting.Lifetime"];

    public static Serilog.Core.Logger CreateLogger(LoggingOptions logging)
    {
        var level = LoggingSettingsValidator.Parse("BulkWizard:Logging:Level", logging.Level);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            // Kestrel and hosting chatter from the embedded Sandbox stays out unless asked for.
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: Template,
                formatProvider: CultureInfo.InvariantCulture,
                standardErrorFromLevel: LogEventLevel.Verbose);

        if (level > LogEventLevel.Debug)
        {
            foreach (var category in PerRequestCategories)
            {
                configuration.MinimumLevel.Override(category, LogEventLevel.Warning);
            }

            // Each retry is logged once, by the gateway's own line (registry, attempt, request, delay, reason); Polly's
            // telemetry would log it twice more at Warning, three lines per fault on a registry that is struggling.
            configuration.MinimumLevel.Override("Polly", LogEventLevel.Error);

            // A refusal (a bad argument, a registry's answer) is a McpException whose message the client gets; the SDK
            // would log it as an error with a stack trace. Failures that are not refusals still are.
            configuration.Filter.ByExcluding(e => e.Exception is ModelContextProtocol.McpException);
        }

        foreach (var (category, categoryLevel) in logging.Overrides)
        {
            configuration.MinimumLevel.Override(category, LoggingSettingsValidator.Parse(category, categoryLevel));
        }

        if (!string.IsNullOrWhiteSpace(logging.File))
        {
            configuration.WriteTo.File(
                logging.File,
                outputTemplate: Template,
                formatProvider: CultureInfo.InvariantCulture,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14);
        }

        return configuration.CreateLogger();
    }
}
