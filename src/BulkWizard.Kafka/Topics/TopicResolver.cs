using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;

namespace BulkWizard.Kafka.Topics;

/// <summary>
/// Maps a subject to its topic: an explicit <see cref="KafkaOptions.Topics"/> entry first, then TopicNameStrategy
/// (<c>&lt;topic&gt;-key</c>, <c>&lt;topic&gt;-value</c>), then TopicRecordNameStrategy (<c>&lt;topic&gt;-&lt;record&gt;</c>)
/// when that topic exists. A subject of a named context has no conventional topic, so only a mapping places it.
/// </summary>
internal static class TopicResolver
{
    private const string KeySuffix = "-key";
    private const string ValueSuffix = "-value";

    public static TopicMapping Resolve(ImpactTarget target, IReadOnlyDictionary<string, string> mappings, IReadOnlySet<string> existing)
    {
        var subject = target.Subject;
        var label = subject.ToString();
        if (Mapped(subject, mappings) is { } mapped)
        {
            return existing.Contains(mapped)
                ? TopicMapping.To(mapped, PartOf(subject.Name))
                : TopicMapping.None($"Topic '{mapped}', mapped to subject '{label}' in Kafka.Topics, does not exist on the Kafka cluster.");
        }

        if (!subject.IsDefaultContext)
        {
            return TopicMapping.None($"No topic known for subject '{label}': subjects in a named context need a Kafka.Topics mapping.");
        }

        if (Strip(subject.Name, KeySuffix) is { } keyTopic)
        {
            return Existing(keyTopic, TopicPart.Key, label, existing);
        }

        if (Strip(subject.Name, ValueSuffix) is { } valueTopic)
        {
            return Existing(valueTopic, TopicPart.Value, label, existing);
        }

        foreach (var record in target.RecordNames)
        {
            if (Strip(subject.Name, "-" + record) is { } topic && existing.Contains(topic))
            {
                return TopicMapping.To(topic, TopicPart.Either);
            }
        }

        return TopicMapping.None($"No topic known for subject '{label}': its name follows neither TopicNameStrategy nor TopicRecordNameStrategy onto an existing topic; map it in Kafka.Topics.");
    }

    private static TopicMapping Existing(string topic, TopicPart part, string label, IReadOnlySet<string> existing) =>
        existing.Contains(topic)
            ? TopicMapping.To(topic, part)
            : TopicMapping.None($"Topic '{topic}' of subject '{label}' does not exist on the Kafka cluster.");

    /// <summary>The registry's spelling, or <c>.ctx/name</c> for a named context (configuration keys cannot hold ':').</summary>
    private static string? Mapped(QualifiedSubject subject, IReadOnlyDictionary<string, string> mappings)
    {
        if (mappings.TryGetValue(subject.ToString(), out var topic))
        {
            return topic;
        }

        return !subject.IsDefaultContext && mappings.TryGetValue($"{subject.Context}/{subject.Name}", out topic) ? topic : null;
    }

    private static TopicPart PartOf(string name) =>
        name.EndsWith(KeySuffix, StringComparison.Ordinal) ? TopicPart.Key : TopicPart.Value;

    private static string? Strip(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : null;
}
