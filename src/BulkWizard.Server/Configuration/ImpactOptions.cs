using BulkWizard.Core.Cleanup.Impact;

namespace BulkWizard.Server.Configuration;

/// <summary>How the consumer-impact check looks at a registry's Kafka cluster (section <c>BulkWizard:Impact</c>).</summary>
public sealed class ImpactOptions
{
    /// <summary>Seconds the topics' log-end offsets are watched for producers; 1 to 300.</summary>
    public int ProducerWindowSeconds { get; set; } = 5;

    /// <summary>Retained messages read from the end of each partition when looking for schema ids; 1 to 1,000,000.</summary>
    public int SamplePerPartition { get; set; } = 1000;

    /// <summary>Seconds one Kafka request may take before the check reports the cluster as not answering; 1 to 120.</summary>
    public int KafkaTimeoutSeconds { get; set; } = 5;

    /// <summary>The check as configured; a call may ask for another sample or the whole topic.</summary>
    public ImpactCheckOptions ToCheckOptions() => new(TimeSpan.FromSeconds(ProducerWindowSeconds), SamplePerPartition);
}
