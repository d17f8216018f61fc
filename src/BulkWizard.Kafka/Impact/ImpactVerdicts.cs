using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Kafka.Clients;
using BulkWizard.Kafka.Topics;
using static BulkWizard.Kafka.Impact.ImpactWords;

namespace BulkWizard.Kafka.Impact;

/// <summary>
/// Turns what was read into one subject's verdict: Affected on anything seen, Unknown when a part that matters was
/// not read, NoneSeen only when every part that matters was read and showed nothing.
/// </summary>
internal static class ImpactVerdicts
{
    public static SubjectImpact Unknown(ImpactTarget target, string? topic, string reason) =>
        new(target.Subject.ToString(), topic, null, [], [], null, ImpactVerdict.Unknown, reason);

    public static SubjectImpact Decide(ImpactTarget target, TopicMapping mapping, ClusterReads reads, ImpactCheckOptions options, TimeSpan scanLimit)
    {
        if (mapping.Topic is not { } topic)
        {
            return Unknown(target, null, mapping.Unknown!);
        }

        if (reads.Start is not { } start || reads.End is not { } end)
        {
            return Unknown(target, topic, $"The offsets of topic '{topic}' could not be read: {reads.OffsetsError}.");
        }

        var partitions = reads.Topics[topic];
        var producers = Watermarks.Advanced(start, end, partitions);
        List<ConsumerGroupImpact> groups =
        [
            .. (reads.Groups ?? []).Where(g => g.Reads(topic))
                .Select(g => new ConsumerGroupImpact(g.Group, g.State, g.Members, g.LagOn(topic, p => end[p].High)))
                .OrderBy(g => g.Group, StringComparer.Ordinal),
        ];
        var ids = IdsFound(target, mapping, reads);
        var retention = reads.Retention.TryGetValue(topic, out var ms) ? ms : (long?)null;
        var (verdict, reason) = Conclude(target, topic, producers, groups, ids, NotLookedAt(target, topic, reads, scanLimit), options);
        return new SubjectImpact(target.Subject.ToString(), topic, producers, groups, ids, retention, verdict, reason);
    }

    private static (ImpactVerdict, string) Conclude(
        ImpactTarget target, string topic, bool producers, List<ConsumerGroupImpact> groups, List<int> ids, List<string> notLooked, ImpactCheckOptions options)
    {
        var window = KafkaFailure.Seconds(options.ProducerWindow);
        var seen = new List<string>();
        if (producers)
        {
            seen.Add($"producers wrote to it during the {window} window");
        }

        if (target.Permanent && groups.Count > 0)
        {
            seen.Add($"consumer {Plural(groups.Count, "group", "groups")} {Quoted(groups.Select(g => g.Group))} {Plural(groups.Count, "has", "have")} committed offsets on it");
        }

        if (target.Permanent && ids.Count > 0)
        {
            seen.Add($"removed schema {Plural(ids.Count, "id", "ids")} {Join([.. ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))])} {Plural(ids.Count, "is", "are")} in its retained data");
        }

        if (seen.Count > 0)
        {
            var also = notLooked.Count > 0 ? $"; {Join(notLooked)}" : "";
            return (ImpactVerdict.Affected, $"Topic '{topic}' is in use: {Join(seen)}{also}.");
        }

        if (notLooked.Count > 0)
        {
            return (ImpactVerdict.Unknown, $"No producer wrote to topic '{topic}' during the {window} window, but consumer impact is unknown: {Join(notLooked)}.");
        }

        if (!target.Permanent)
        {
            return (ImpactVerdict.NoneSeen, $"No producer wrote to topic '{topic}' during the {window} window, and a soft delete leaves every id readable for consumers.");
        }

        var where = target.IdsRemoved.Count == 0
            ? "no schema id of it stops resolving"
            : options.WholeTopic
                ? "no removed schema id is in its retained data"
                : $"no removed schema id is in the last {options.SamplePerPartition} messages of any partition";
        return (ImpactVerdict.NoneSeen, $"Topic '{topic}': no producer wrote to it during the {window} window, no consumer group has committed offsets on it, and {where}.");
    }

    /// <summary>The parts that matter for this subject and were not read, each with why.</summary>
    private static List<string> NotLookedAt(ImpactTarget target, string topic, ClusterReads reads, TimeSpan scanLimit)
    {
        var missing = new List<string>();
        if (!target.Permanent)
        {
            return missing;
        }

        if (reads.Groups is null)
        {
            missing.Add($"consumer groups could not be read ({reads.GroupsError})");
        }

        if (target.IdsRemoved.Count > 0)
        {
            if (reads.Ids is null)
            {
                missing.Add($"its retained data could not be read ({reads.ScanError})");
            }
            else if (!reads.Ids[topic].Complete)
            {
                missing.Add($"its retained data was not read to the end within {KafkaFailure.Seconds(scanLimit)}");
            }
        }

        return missing;
    }

    private static List<int> IdsFound(ImpactTarget target, TopicMapping mapping, ClusterReads reads)
    {
        if (reads.Ids?.GetValueOrDefault(mapping.Topic!) is not { } seen)
        {
            return [];
        }

        return [.. target.IdsRemoved.Distinct().Where(id => mapping.Part switch
        {
            TopicPart.Key => seen.Keys.Contains(id),
            TopicPart.Value => seen.Values.Contains(id),
            _ => seen.Keys.Contains(id) || seen.Values.Contains(id),
        }).Order()];
    }
}
