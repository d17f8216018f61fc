namespace BulkWizard.Kafka;

/// <summary>
/// Time limits of the impact check, so that an unreachable or slow cluster becomes an Unknown verdict quickly
/// rather than a hang.
/// </summary>
/// <param name="RequestTimeout">One admin request or offset query (default 5 s).</param>
/// <param name="ScanTimeout">Reading retained messages for schema ids, all topics together (default 30 s).</param>
/// <param name="PollInterval">Between two reads of committed offsets while waiting for consumers to catch up (default 1 s).</param>
public sealed record KafkaImpactSettings(TimeSpan RequestTimeout, TimeSpan ScanTimeout, TimeSpan PollInterval)
{
    public static KafkaImpactSettings Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
}
