using Serilog.Events;

namespace BulkWizard.Server.Configuration;

/// <summary>Checks that every configured log level is one Serilog knows.</summary>
public static class LoggingSettingsValidator
{
    public static void Validate(LoggingOptions logging)
    {
        Parse("BulkWizard:Logging:Level", logging.Level);
        foreach (var (category, level) in logging.Overrides)
        {
            Parse($"BulkWizard:Logging:Overrides:{category}", level);
        }
    }

    public static LogEventLevel Parse(string setting, string value) =>
        Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new ConfigurationException(
                $"{setting}='{value}' is not a log level: use Verbose, Debug, Information, Warning, Error or Fatal.");
}
