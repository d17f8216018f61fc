using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Server.Configuration;

/// <summary>The server's settings: section <c>BulkWizard</c> of appsettings.json, <c>BulkWizard__*</c> variables or the command line.</summary>
public sealed class BulkWizardOptions
{
    public const string SectionName = "BulkWizard";

    public List<RegistryOptions> Registries { get; set; } = [];

    /// <summary>Refuses every write on every registry, whatever each registry says.</summary>
    public bool ViewOnly { get; set; }

    /// <summary>Where plans, backups and journals are kept. Default: <c>~/.bulkwizard</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Where backups (each with its run's journal) are kept, e.g. a directory shared by several machines. Default: <c>backups/</c> in the data directory.</summary>
    public string? BackupDirectory { get; set; }

    /// <summary>How long backups are kept. Default: all of them.</summary>
    public BackupRetentionOptions BackupRetention { get; set; } = new();

    public LoggingOptions Logging { get; set; } = new();

    public SafetyOptions Safety { get; set; } = new();

    /// <summary>What the "test" and "deprecated" selectors match.</summary>
    public SelectionOptions Selection { get; set; } = new();

    /// <summary>The consumer-impact check against each registry's Kafka cluster.</summary>
    public ImpactOptions Impact { get; set; } = new();

    /// <summary>The compliance rules <c>check_compliance</c> judges by.</summary>
    public ComplianceOptions Compliance { get; set; } = new();

    /// <summary>Traces and metrics over OTLP; off unless an endpoint is set.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();
}
