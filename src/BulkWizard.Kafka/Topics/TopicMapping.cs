namespace BulkWizard.Kafka.Topics;

/// <summary>Where a subject's messages live: a topic and the side of each message, or why no topic is known.</summary>
internal sealed record TopicMapping(string? Topic, TopicPart Part, string? Unknown)
{
    public static TopicMapping To(string topic, TopicPart part) => new(topic, part, null);

    public static TopicMapping None(string reason) => new(null, TopicPart.Value, reason);
}
