using System.Collections.Concurrent;
using BulkWizard.Kafka.Clients;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Topics;

/// <summary>Reads the watermarks of many partitions at once, each query bounded by the request timeout.</summary>
internal static class Watermarks
{
    private const int Parallelism = 8;

    public static async Task<IReadOnlyDictionary<TopicPartition, PartitionRange>> ReadAsync(
        IConsumer<byte[], byte[]> reader, IEnumerable<TopicPartition> partitions, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ranges = new ConcurrentDictionary<TopicPartition, PartitionRange>();
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (partition, token) =>
            {
                var offsets = await Bounded.RunAsync(() => reader.QueryWatermarkOffsets(partition, timeout), timeout, token);
                ranges[partition] = new PartitionRange(partition, offsets.Low.Value, offsets.High.Value);
            });
        return ranges;
    }

    /// <summary>True when any partition's high watermark moved between the two reads.</summary>
    public static bool Advanced(IReadOnlyDictionary<TopicPartition, PartitionRange> before, IReadOnlyDictionary<TopicPartition, PartitionRange> after, IEnumerable<TopicPartition> partitions) =>
        partitions.Any(p => after[p].High > before[p].High);
}
