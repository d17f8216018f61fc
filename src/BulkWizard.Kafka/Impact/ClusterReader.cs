using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Kafka.Clients;
using BulkWizard.Kafka.Groups;
using BulkWizard.Kafka.Retained;
using BulkWizard.Kafka.Topics;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Impact;

/// <summary>
/// Reads the parts of a check for all its topics at once: the watermarks before and after one producer window, and,
/// while the window runs, the consumer groups, the retention and the retained schema ids.
/// </summary>
internal sealed class ClusterReader(IAdminClient admin, IConsumer<byte[], byte[]> offsets, IConsumer<byte[], byte[]> scanner, KafkaImpactSettings settings, TimeProvider time)
{
    public async Task<ClusterReads> ReadAsync(
        IReadOnlyDictionary<string, IReadOnlyList<TopicPartition>> topics, IReadOnlyList<ScanRequest> scans, ImpactCheckOptions options, CancellationToken cancellationToken)
    {
        var timeout = settings.RequestTimeout;
        var partitions = topics.Values.SelectMany(p => p).ToList();
        IReadOnlyDictionary<TopicPartition, PartitionRange> start;
        try
        {
            start = await Watermarks.ReadAsync(offsets, partitions, timeout, cancellationToken);
        }
        catch (Exception e) when (KafkaFailure.IsFailure(e, cancellationToken))
        {
            return new ClusterReads(topics, null, null, KafkaFailure.Describe(e, timeout), null, null, new Dictionary<string, long>(), null, null);
        }

        var end = AfterWindowAsync(partitions, options.ProducerWindow, cancellationToken);
        var groups = Attempt(() => new GroupReader(admin, timeout).ReadAsync(partitions, cancellationToken), timeout, cancellationToken);
        var retention = RetentionReader.ReadAsync(admin, [.. topics.Keys], timeout, cancellationToken);
        var ids = Attempt(() => Task.Run(() => RetainedIdScanner.Scan(scanner, Ranges(scans, start, options), settings.ScanTimeout, cancellationToken), cancellationToken), timeout, cancellationToken);
        await Task.WhenAll(end, groups, retention, ids);

        return new ClusterReads(
            topics, start, (await end).Value, (await end).Error, (await groups).Value, (await groups).Error, await retention, (await ids).Value, (await ids).Error);
    }

    private async Task<(IReadOnlyDictionary<TopicPartition, PartitionRange>? Value, string? Error)> AfterWindowAsync(
        IReadOnlyList<TopicPartition> partitions, TimeSpan window, CancellationToken cancellationToken)
    {
        await Task.Delay(window, time, cancellationToken);
        return await Attempt(() => Watermarks.ReadAsync(offsets, partitions, settings.RequestTimeout, cancellationToken), settings.RequestTimeout, cancellationToken);
    }

    private static List<ScanRange> Ranges(IReadOnlyList<ScanRequest> scans, IReadOnlyDictionary<TopicPartition, PartitionRange> start, ImpactCheckOptions options) =>
        [.. scans.SelectMany(s => s.Partitions).Distinct().Select(p => ScanRange.Of(start[p], options.SamplePerPartition, options.WholeTopic))];

    private static async Task<(T? Value, string? Error)> Attempt<T>(Func<Task<T>> read, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return (await read(), null);
        }
        catch (Exception e) when (KafkaFailure.IsFailure(e, cancellationToken))
        {
            return (null, KafkaFailure.Describe(e, timeout));
        }
    }
}
