namespace BulkWizard.Core.Registry;

/// <summary>The Kafka cluster used to check consumer impact for one registry.</summary>
public sealed class KafkaOptions
{
    public string BootstrapServers { get; set; } = "";

    /// <summary>PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.</summary>
    public string? SecurityProtocol { get; set; }

    /// <summary>PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER.</summary>
    public string? SaslMechanism { get; set; }

    public string? SaslUsername { get; set; }

    public string? SaslPassword { get; set; }

    public string? SslCaLocation { get; set; }

    /// <summary>
    /// Explicit subject → topic mappings, for subjects whose names do not say their topic (RecordNameStrategy, named
    /// contexts). A configuration key cannot hold ':', so a subject of a named context is written <c>.ctx/name</c>
    /// here; <c>:.ctx:name</c> is accepted too when the dictionary is filled in code.
    /// </summary>
    public Dictionary<string, string> Topics { get; set; } = new(StringComparer.Ordinal);
}
