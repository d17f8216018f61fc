using BulkWizard.Core.Registry;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Clients;

/// <summary>Builds real clients from a registry's <see cref="KafkaOptions"/>.</summary>
internal sealed class ConfluentClientFactory : IKafkaClientFactory
{
    /// <summary>
    /// The .NET client refuses a consumer without a group id; this one is never joined (partitions are assigned,
    /// never subscribed) and nothing is committed under it.
    /// </summary>
    internal const string ReaderGroupId = "bulkwizard-impact-reader";

    public IAdminClient CreateAdmin(KafkaOptions kafka, TimeSpan requestTimeout) =>
        new AdminClientBuilder(Common(new AdminClientConfig(), kafka, requestTimeout))
            .SetLogHandler(static (_, _) => { })
            .SetErrorHandler(static (_, _) => { })
            .Build();

    public IConsumer<byte[], byte[]> CreateReader(KafkaOptions kafka, TimeSpan requestTimeout)
    {
        var config = Common(new ConsumerConfig(), kafka, requestTimeout);
        config.GroupId = ReaderGroupId;
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.EnablePartitionEof = true;
        config.AllowAutoCreateTopics = false;
        return new ConsumerBuilder<byte[], byte[]>(config)
            .SetLogHandler(static (_, _) => { })
            .SetErrorHandler(static (_, _) => { })
            .Build();
    }

    /// <summary>
    /// Connection, security and time limits shared by both clients. librdkafka's own log lines are dropped: failures
    /// reach the check as exceptions and become the verdict's reason, and stdout belongs to the MCP protocol.
    /// </summary>
    private static T Common<T>(T config, KafkaOptions kafka, TimeSpan requestTimeout)
        where T : ClientConfig
    {
        var milliseconds = (int)requestTimeout.TotalMilliseconds;
        config.BootstrapServers = kafka.BootstrapServers;
        config.ClientId = "bulkwizard-impact";
        config.SocketTimeoutMs = milliseconds;
        config.SocketConnectionSetupTimeoutMs = milliseconds;
        if (kafka.SecurityProtocol is { Length: > 0 } protocol)
        {
            config.SecurityProtocol = Enum.Parse<SecurityProtocol>(protocol.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
        }

        if (kafka.SaslMechanism is { Length: > 0 } mechanism)
        {
            config.SaslMechanism = Enum.Parse<SaslMechanism>(mechanism.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        }

        config.SaslUsername = kafka.SaslUsername;
        config.SaslPassword = kafka.SaslPassword;
        config.SslCaLocation = kafka.SslCaLocation;
        return config;
    }
}
