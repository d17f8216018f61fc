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
}
