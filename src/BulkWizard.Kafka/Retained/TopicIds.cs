namespace BulkWizard.Kafka.Retained;

/// <summary>The schema ids seen in one topic's keys and values, and whether every range of the topic was read to its end.</summary>
internal sealed class TopicIds
{
    public HashSet<int> Keys { get; } = [];

    public HashSet<int> Values { get; } = [];

    public bool Complete { get; set; } = true;
}
