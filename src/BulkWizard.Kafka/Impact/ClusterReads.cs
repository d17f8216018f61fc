using BulkWizard.Kafka.Groups;
using BulkWizard.Kafka.Retained;
using BulkWizard.Kafka.Topics;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Impact;

/// <summary>
/// Everything one check read from the cluster. Each part that could not be read is null with its error, so a verdict
/// never turns "not read" into "nothing seen".
/// </summary>
internal sealed record ClusterReads(
    IReadOnlyDictionary<string, IReadOnlyList<TopicPartition>> Topics,
    IReadOnlyDictionary<TopicPartition, PartitionRange>? Start,
    IReadOnlyDictionary<TopicPartition, PartitionRange>? End,
    string? OffsetsError,
    IReadOnlyList<GroupCommits>? Groups,
    string? GroupsError,
    IReadOnlyDictionary<string, long> Retention,
    IReadOnlyDictionary<string, TopicIds>? Ids,
    string? ScanError);
