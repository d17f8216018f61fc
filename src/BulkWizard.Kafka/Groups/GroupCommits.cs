using Confluent.Kafka;

namespace BulkWizard.Kafka.Groups;

/// <summary>A consumer group with the offsets it has committed on the partitions asked about.</summary>
internal sealed record GroupCommits(string Group, string State, int Members, IReadOnlyDictionary<TopicPartition, long> Committed)
{
    /// <summary>Σ (high watermark − committed) over the topic's partitions that have a commit; never negative.</summary>
    public long LagOn(string topic, Func<TopicPartition, long> high) =>
        Committed.Where(c => c.Key.Topic == topic).Sum(c => Math.Max(0, high(c.Key) - c.Value));

    public bool Reads(string topic) => Committed.Keys.Any(p => p.Topic == topic);
}
