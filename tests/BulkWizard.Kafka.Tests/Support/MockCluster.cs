using Confluent.Kafka;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>
/// librdkafka's in-process mock cluster: one broker that serves produce, fetch, watermarks and committed offsets (not
/// the listing or describing of groups). It lives as long as the client that created it, so this fixture keeps it.
/// Topics are created on first use with four partitions; tests write to partition 0 to know where their messages are.
/// </summary>
public sealed class MockCluster : IDisposable
{
    private readonly IAdminClient _owner;
    private readonly IProducer<byte[], byte[]> _producer;

    public MockCluster()
    {
        var config = new AdminClientConfig();
        config.Set("test.mock.num.brokers", "1");
        _owner = new AdminClientBuilder(config).SetLogHandler(static (_, _) => { }).Build();
        var broker = _owner.GetMetadata(TimeSpan.FromSeconds(5)).Brokers.Single();
        BootstrapServers = $"{broker.Host}:{broker.Port}";
        Admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).SetLogHandler(static (_, _) => { }).Build();
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = BootstrapServers, LingerMs = 0 })
            .SetLogHandler(static (_, _) => { })
            .Build();
    }

    public string BootstrapServers { get; }

    /// <summary>A plain admin client of the cluster, for what a mocked one forwards.</summary>
    public IAdminClient Admin { get; }

    public static string NewTopic() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Writes messages to partition 0 of the topic (creating it) and waits until they are stored.</summary>
    public void Produce(string topic, params (byte[]? Key, byte[]? Value)[] messages)
    {
        foreach (var (key, value) in messages)
        {
            _producer.Produce(new TopicPartition(topic, 0), new Message<byte[], byte[]> { Key = key!, Value = value! });
        }

        if (_producer.Flush(TimeSpan.FromSeconds(10)) > 0)
        {
            throw new InvalidOperationException("The mock cluster did not take the messages in time.");
        }
    }

    /// <summary>Commits an offset on partition 0 for a group, the way a consumer of that group does.</summary>
    public void Commit(string group, string topic, long offset)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = group, EnableAutoCommit = false })
            .SetLogHandler(static (_, _) => { })
            .Build();
        consumer.Commit([new TopicPartitionOffset(topic, 0, offset)]);
    }

    public void Dispose()
    {
        _producer.Dispose();
        Admin.Dispose();
        _owner.Dispose();
    }
}
