namespace BulkWizard.Kafka.Topics;

/// <summary>Which side of a message carries the subject's schema id.</summary>
internal enum TopicPart
{
    Key,
    Value,

    /// <summary>TopicRecordNameStrategy names key and value subjects alike, so both sides are looked at.</summary>
    Either,
}
