namespace BulkWizard.Server.Configuration;

/// <summary>Log levels and the optional log file. Logs always go to stderr; stdout carries only JSON-RPC.</summary>
public sealed class LoggingOptions
{
    /// <summary>Verbose, Debug, Information, Warning, Error or Fatal.</summary>
    public string Level { get; set; } = "Information";

    /// <summary>Per-category levels, e.g. <c>"BulkWizard.Core.Wizard": "Debug"</c> for the wizard's debug mode.</summary>
    public Dictionary<string, string> Overrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Path of a log file rolled daily, in addition to stderr.</summary>
    public string? File { get; set; }
}
