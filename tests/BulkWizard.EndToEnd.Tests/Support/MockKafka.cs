using System.Buffers.Binary;
using Confluent.Kafka;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// librdkafka's mock cluster in the test process, for the server's Kafka section to point at. It serves produce,
/// fetch, watermarks and committed offsets, not group listing (the server's check then reports groups as unread).
/// The cluster lives as long as the client that created it.
/// </summary>
public sealed class MockKafka : IDisposable
{
    private readonly IAdminClient _owner;
    private readonly IProducer<byte[], byte[]> _producer;

    public MockKafka()
    {
        var config = new AdminClientConfig();
        config.Set("test.mock.num.brokers", "1");
        _owner = new AdminClientBuilder(config).SetLogHandler(static (_, _) => { }).Build();
        var broker = _owner.GetMetadata(TimeSpan.FromSeconds(5)).Brokers.Single();
        BootstrapServers = $"{broker.Host}:{broker.Port}";
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = BootstrapServers }).SetLogHandler(static (_, _) => { }).Build();
    }

    public string BootstrapServers { get; }

    /// <summary>Writes values in Confluent's wire format (magic byte 0, the schema id) to partition 0 of the topic.</summary>
    public void ProduceWithIds(string topic, params int[] ids)
    {
        foreach (var id in ids)
        {
            var value = new byte[6];
            BinaryPrimitives.WriteInt32BigEndian(value.AsSpan(1, 4), id);
            _producer.Produce(new TopicPartition(topic, 0), new Message<byte[], byte[]> { Key = null!, Value = value });
        }

        _producer.Flush(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        _producer.Dispose();
        _owner.Dispose();
    }
}
