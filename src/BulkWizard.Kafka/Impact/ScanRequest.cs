using Confluent.Kafka;

namespace BulkWizard.Kafka.Impact;

/// <summary>A topic whose retained messages are read for schema ids: one of its subjects loses ids permanently.</summary>
internal sealed record ScanRequest(string Topic, IReadOnlyList<TopicPartition> Partitions);
