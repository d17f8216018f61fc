using Confluent.Kafka;

namespace BulkWizard.Kafka.Retained;

/// <summary>
/// Reads ranges of retained messages with an assigned (never subscribed) consumer and collects the schema ids of
/// their keys and values. It stops at the high watermarks recorded when the check began, so producers still writing
/// cannot keep it going, and at <c>limit</c> whatever it has read.
/// </summary>
internal static class RetainedIdScanner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyDictionary<string, TopicIds> Scan(IConsumer<byte[], byte[]> reader, IReadOnlyList<ScanRange> ranges, TimeSpan limit, CancellationToken cancellationToken)
    {
        var found = ranges.Select(r => r.Partition.Topic).Distinct().ToDictionary(t => t, _ => new TopicIds(), StringComparer.Ordinal);
        var open = ranges.Where(r => r.Start < r.End).ToDictionary(r => r.Partition);
        if (open.Count == 0)
        {
            return found;
        }

        reader.Assign(open.Values.Select(r => new TopicPartitionOffset(r.Partition, r.Start)));
        try
        {
            var deadline = DateTime.UtcNow + limit;
            while (open.Count > 0 && DateTime.UtcNow < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = reader.Consume(Poll);
                if (result is null || !open.TryGetValue(result.TopicPartition, out var range))
                {
                    continue;
                }

                if (!result.IsPartitionEOF && result.Offset.Value < range.End)
                {
                    Collect(found[range.Partition.Topic], result.Message);
                }

                // EOF covers a range whose last offsets hold no message (transaction markers, compaction).
                if (result.IsPartitionEOF || result.Offset.Value >= range.End - 1)
                {
                    open.Remove(range.Partition);
                }
            }
        }
        finally
        {
            reader.Unassign();
        }

        foreach (var range in open.Values)
        {
            found[range.Partition.Topic].Complete = false;
        }

        return found;
    }

    private static void Collect(TopicIds ids, Message<byte[], byte[]> message)
    {
        if (WireFormat.SchemaId(message.Key) is { } key)
        {
            ids.Keys.Add(key);
        }

        if (WireFormat.SchemaId(message.Value) is { } value)
        {
            ids.Values.Add(value);
        }
    }
}
