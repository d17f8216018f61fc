using Confluent.Kafka;

namespace BulkWizard.Kafka.Topics;

/// <summary>A partition's low and high watermarks: its retained messages are the offsets from Low up to High (excluded).</summary>
internal sealed record PartitionRange(TopicPartition Partition, long Low, long High);
