using System.Globalization;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using BulkWizard.Kafka.Clients;
using BulkWizard.Kafka.Groups;
using BulkWizard.Kafka.Topics;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Impact;

/// <summary>
/// Waits for the consumer groups of affected subjects to read up to the log-end offsets recorded when the wait began,
/// polling their committed offsets; messages produced after that do not move the goal.
/// </summary>
internal sealed class CatchUpWaiter(IKafkaClientFactory clients, KafkaImpactSettings settings, TimeProvider time)
{
    public async Task<CatchUpResult> WaitAsync(
        string registry, KafkaOptions? kafka, IReadOnlyList<SubjectImpact> affected, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var began = time.GetTimestamp();
        var reading = affected.Where(s => s.Topic is not null)
            .SelectMany(s => s.Groups.Select(g => (Group: g, Topic: s.Topic!)))
            .DistinctBy(x => (x.Group.Group, x.Topic))
            .ToList();
        var groups = reading.Select(x => x.Group).DistinctBy(g => g.Group).ToList();
        if (groups.Count == 0)
        {
            return new CatchUpResult(true, [], TimeSpan.Zero);
        }

        if (kafka is null)
        {
            progress?.Report(KafkaImpactChecker.NotConfigured(registry));
            return new CatchUpResult(false, groups, time.GetElapsedTime(began));
        }

        using var admin = clients.CreateAdmin(kafka, settings.RequestTimeout);
        using var offsets = clients.CreateReader(kafka, settings.RequestTimeout);
        IReadOnlyDictionary<TopicPartition, PartitionRange> goal;
        IReadOnlyDictionary<string, IReadOnlyList<TopicPartition>> topics;
        try
        {
            var all = await TopicCatalog.ReadAsync(admin, settings.RequestTimeout, cancellationToken);
            topics = reading.Select(x => x.Topic).Distinct().Where(all.ContainsKey).ToDictionary(t => t, t => all[t], StringComparer.Ordinal);
            goal = await Watermarks.ReadAsync(offsets, topics.Values.SelectMany(p => p), settings.RequestTimeout, cancellationToken);
        }
        catch (Exception e) when (KafkaFailure.IsFailure(e, cancellationToken))
        {
            progress?.Report($"The log-end offsets could not be read: {KafkaFailure.Describe(e, settings.RequestTimeout)}.");
            return new CatchUpResult(false, groups, time.GetElapsedTime(began));
        }

        var reader = new GroupReader(admin, settings.RequestTimeout);
        var lags = groups.ToDictionary(g => g.Group, g => g.Lag, StringComparer.Ordinal);
        while (true)
        {
            foreach (var group in groups)
            {
                lags[group.Group] = await LagAsync(reader, group.Group, reading.Where(x => x.Group.Group == group.Group).Select(x => x.Topic), topics, goal, lags[group.Group], progress, cancellationToken);
            }

            var behind = groups.Where(g => lags[g.Group] > 0).Select(g => g with { Lag = lags[g.Group] }).ToList();
            var waited = time.GetElapsedTime(began);
            if (behind.Count == 0 || waited >= timeout)
            {
                return new CatchUpResult(behind.Count == 0, behind, waited);
            }

            var pause = timeout - waited;
            await Task.Delay(pause < settings.PollInterval ? pause : settings.PollInterval, time, cancellationToken);
        }
    }

    /// <summary>The group's lag behind the goal on its topics, reported per topic; the last known lag when its offsets cannot be read.</summary>
    private async Task<long> LagAsync(
        GroupReader reader, string group, IEnumerable<string> groupTopics, IReadOnlyDictionary<string, IReadOnlyList<TopicPartition>> topics,
        IReadOnlyDictionary<TopicPartition, PartitionRange> goal, long lastKnown, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var mine = groupTopics.Where(topics.ContainsKey).ToList();
        try
        {
            var committed = await reader.CommittedAsync(group, [.. mine.SelectMany(t => topics[t])], cancellationToken);
            var commits = new GroupCommits(group, "", 0, committed);
            long total = 0;
            foreach (var topic in mine)
            {
                var lag = commits.LagOn(topic, p => goal[p].High);
                total += lag;
                if (lag > 0)
                {
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"group {group}: lag {lag} on topic {topic}"));
                }
            }

            return total;
        }
        catch (Exception e) when (KafkaFailure.IsFailure(e, cancellationToken))
        {
            progress?.Report($"group {group}: committed offsets could not be read ({KafkaFailure.Describe(e, settings.RequestTimeout)})");
            return lastKnown;
        }
    }
}
