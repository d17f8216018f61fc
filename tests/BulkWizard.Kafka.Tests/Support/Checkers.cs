using BulkWizard.Core.Registry;
using Confluent.Kafka;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>A checker of registry <c>lab</c> whose Kafka section points at the mock cluster, with the given admin client.</summary>
internal static class Checkers
{
    public static KafkaImpactChecker Over(MockCluster cluster, IAdminClient admin, Dictionary<string, string>? topics = null, TimeProvider? time = null) =>
        new(
            Registries.With(new KafkaOptions { BootstrapServers = cluster.BootstrapServers, Topics = topics ?? [] }),
            Targets.Settings,
            new TestClients(admin),
            time ?? TimeProvider.System);
}
