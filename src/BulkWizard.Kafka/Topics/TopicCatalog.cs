using BulkWizard.Kafka.Clients;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Topics;

/// <summary>
/// The cluster's topics and their partitions, from one metadata request for every topic: asking for a topic by name
/// could create it on a cluster that creates topics on demand.
/// </summary>
internal static class TopicCatalog
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<TopicPartition>>> ReadAsync(
        IAdminClient admin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var metadata = await Bounded.RunAsync(() => admin.GetMetadata(timeout), timeout, cancellationToken);
        return metadata.Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .ToDictionary(
                t => t.Topic,
                t => (IReadOnlyList<TopicPartition>)[.. t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId)).OrderBy(p => p.Partition.Value)],
                StringComparer.Ordinal);
    }
}
