using BulkWizard.Core.Registry;
using BulkWizard.Kafka.Clients;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>Hands out the given (mocked) admin client and real readers, as the product's factory builds them.</summary>
internal sealed class TestClients(IAdminClient admin) : IKafkaClientFactory
{
    private readonly ConfluentClientFactory _real = new();

    public IAdminClient CreateAdmin(KafkaOptions kafka, TimeSpan requestTimeout) => admin;

    public IConsumer<byte[], byte[]> CreateReader(KafkaOptions kafka, TimeSpan requestTimeout) => _real.CreateReader(kafka, requestTimeout);
}
