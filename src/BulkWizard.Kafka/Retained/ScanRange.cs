using Confluent.Kafka;

namespace BulkWizard.Kafka.Retained;

/// <summary>The offsets of one partition to read: from Start up to End (excluded), End being the high watermark when the check began.</summary>
internal sealed record ScanRange(TopicPartition Partition, long Start, long End)
{
    public static ScanRange Of(Topics.PartitionRange range, int samplePerPartition, bool wholeTopic) =>
        new(range.Partition, wholeTopic ? range.Low : Math.Max(range.Low, range.High - samplePerPartition), range.High);
}
