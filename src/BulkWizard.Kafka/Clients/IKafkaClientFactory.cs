using BulkWizard.Core.Registry;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Clients;

/// <summary>
/// The seam between the impact check and Confluent.Kafka: tests hand in a mocked <see cref="IAdminClient"/> for what
/// librdkafka's mock cluster does not serve (listing and describing groups).
/// </summary>
internal interface IKafkaClientFactory
{
    /// <summary>Metadata, consumer groups, committed offsets and topic configs.</summary>
    IAdminClient CreateAdmin(KafkaOptions kafka, TimeSpan requestTimeout);

    /// <summary>
    /// A consumer that is only ever assigned partitions: it never subscribes, so it joins no group, and never commits.
    /// Used for watermarks and for reading retained messages.
    /// </summary>
    IConsumer<byte[], byte[]> CreateReader(KafkaOptions kafka, TimeSpan requestTimeout);
}
