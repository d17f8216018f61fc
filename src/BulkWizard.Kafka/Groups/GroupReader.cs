using BulkWizard.Kafka.Clients;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace BulkWizard.Kafka.Groups;

/// <summary>
/// Consumer groups that have committed offsets on given partitions, in any state: an <c>Empty</c> group is a consumer
/// that is not running right now (a nightly batch job), and still breaks when its schema goes.
/// </summary>
internal sealed class GroupReader(IAdminClient admin, TimeSpan timeout)
{
    // librdkafka asks for one group's offsets per request; a few requests at a time.
    private const int Parallelism = 4;

    public async Task<IReadOnlyList<GroupCommits>> ReadAsync(IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        var listing = await Bounded.CallAsync(
            () => admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { RequestTimeout = timeout }), timeout, cancellationToken);
        var groups = listing.Valid ?? [];
        var committed = new Dictionary<string, IReadOnlyDictionary<TopicPartition, long>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var offsets = await CommittedAsync(group.GroupId, partitions, token);
                lock (committed)
                {
                    committed[group.GroupId] = offsets;
                }
            });

        var readers = groups.Where(g => committed[g.GroupId].Count > 0).ToList();
        if (readers.Count == 0)
        {
            return [];
        }

        var described = await Bounded.CallAsync(
            () => admin.DescribeConsumerGroupsAsync(readers.Select(g => g.GroupId), new DescribeConsumerGroupsOptions { RequestTimeout = timeout }),
            timeout,
            cancellationToken);
        var members = described.ConsumerGroupDescriptions.ToDictionary(d => d.GroupId, d => d.Members?.Count ?? 0, StringComparer.Ordinal);
        return [.. readers.Select(g => new GroupCommits(g.GroupId, g.State.ToString(), members.GetValueOrDefault(g.GroupId), committed[g.GroupId]))];
    }

    /// <summary>The group's committed offsets on the partitions; partitions without a commit are left out.</summary>
    public async Task<IReadOnlyDictionary<TopicPartition, long>> CommittedAsync(string group, IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        var results = await Bounded.CallAsync(
            () => admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, [.. partitions])], new ListConsumerGroupOffsetsOptions { RequestTimeout = timeout }),
            timeout,
            cancellationToken);
        return results.SelectMany(r => r.Partitions)
            .Where(p => p.Error.Code == ErrorCode.NoError && p.Offset.Value >= 0)
            .ToDictionary(p => p.TopicPartition, p => p.Offset.Value);
    }
}
