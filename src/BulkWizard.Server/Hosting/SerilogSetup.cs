using System.Globalization;
using BulkWizard.Server.Configuration;
using Serilog;
using Serilog.Events;

namespace BulkWizard.Server.Hosting;

/// <summary>Builds the one logger of the process. Every event goes to stderr: stdout belongs to JSON-RPC.</summary>
public static class SerilogSetup
{
    private const string Template = "{Timestamp:HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Serilog.Core.Logger CreateLogger(LoggingOptions logging)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(LoggingSettingsValidator.Parse("BulkWizard:Logging:Level", logging.Level))
            // Kestrel and hosting chatter from the embedded Sandbox stays out unless asked for.
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: Template,
                formatProvider: CultureInfo.InvariantCulture,
                standardErrorFromLevel: LogEventLevel.Verbose);

        foreach (var (category, level) in logging.Overrides)
        {
            configuration.MinimumLevel.Override(category, LoggingSettingsValidator.Parse(category, level));
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
