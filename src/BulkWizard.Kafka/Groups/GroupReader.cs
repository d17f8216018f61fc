using BulkWizard.Kafka.Clients;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace BulkWizard.Kafka.Groups;

/// <summary>
/// Consumer groups that have committed offsets on given partitions, in any state: an <c>Empty</c> group is a consumer
/// that is not running right now (a nightly batch job), and still breaks when its schema goes.
/// </summary>
/// <remarks>
/// Groups are listed with the ListGroups request (<see cref="IAdminClient.ListGroups(TimeSpan)"/>), which names each
/// group's state and members in one answer. librdkafka 2.16's <c>ListConsumerGroupsAsync</c> aborts the whole process
/// (a double free) when a broker does not serve the request, where this call fails with an error we can report.
/// </remarks>
internal sealed class GroupReader(IAdminClient admin, TimeSpan timeout)
{
    // librdkafka asks for one group's offsets per request; a few requests at a time.
    private const int Parallelism = 4;

    public async Task<IReadOnlyList<GroupCommits>> ReadAsync(IReadOnlyList<TopicPartition> partitions, CancellationToken cancellationToken)
    {
        var groups = (await Bounded.RunAsync(() => admin.ListGroups(timeout), timeout, cancellationToken) ?? [])
            .Where(g => g.Error.Code == ErrorCode.NoError)
            .DistinctBy(g => g.Group)
            .ToList();
        var committed = new Dictionary<string, IReadOnlyDictionary<TopicPartition, long>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var offsets = await CommittedAsync(group.Group, partitions, token);
                lock (committed)
                {
                    committed[group.Group] = offsets;
                }
            });

        return [.. groups.Where(g => committed[g.Group].Count > 0).Select(g => new GroupCommits(g.Group, g.State, g.Members?.Count ?? 0, committed[g.Group]))];
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
