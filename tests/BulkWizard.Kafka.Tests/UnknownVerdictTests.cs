using System.Net;
using System.Net.Sockets;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using BulkWizard.Kafka.Tests.Support;

namespace BulkWizard.Kafka.Tests;

/// <summary>What was not looked at is Unknown, with the reason: no Kafka section, no cluster, no topic.</summary>
public sealed class UnknownVerdictTests(MockCluster cluster) : IClassFixture<MockCluster>
{
    [Fact]
    public async Task CheckAsync_RegistryWithoutKafka_EveryVerdictUnknown()
    {
        var checker = new KafkaImpactChecker(Registries.With(kafka: null), Targets.Settings);

        var impacts = await checker.CheckAsync(Registries.Name, [Targets.Permanent("orders-value", 7), Targets.Soft("users-key")], Targets.Options(), CancellationToken.None);

        Assert.Equal(2, impacts.Count);
        Assert.All(impacts, i =>
        {
            Assert.Equal(ImpactVerdict.Unknown, i.Verdict);
            Assert.Equal("no Kafka cluster configured for registry 'lab': consumer impact was not checked", i.Reason);
            Assert.Null(i.ProducersActive);
        });
        Assert.Equal(["orders-value", "users-key"], impacts.Select(i => i.Subject));
    }

    [Fact]
    public async Task CheckAsync_ClusterUnreachable_UnknownQuicklyWithTheError()
    {
        var bootstrap = $"127.0.0.1:{ClosedPort()}";
        var checker = new KafkaImpactChecker(Registries.With(new KafkaOptions { BootstrapServers = bootstrap }), Targets.Settings);
        var started = DateTime.UtcNow;

        var impact = Assert.Single(await checker.CheckAsync(Registries.Name, [Targets.Permanent("orders-value", 7)], Targets.Options(), CancellationToken.None));

        Assert.Equal(ImpactVerdict.Unknown, impact.Verdict);
        Assert.StartsWith($"The Kafka cluster of registry 'lab' ({bootstrap}) could not be read: ", impact.Reason, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CheckAsync_TopicMissing_UnknownWhileOthersAreChecked()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.Plain("m")));
        var checker = Checkers.Over(cluster, GroupsAdmin.Over(cluster).Object);

        var impacts = await checker.CheckAsync(
            Registries.Name, [Targets.Permanent("nosuchtopic-value", 7), Targets.Permanent($"{topic}-value", 7)], Targets.Options(), CancellationToken.None);

        Assert.Equal(ImpactVerdict.Unknown, impacts[0].Verdict);
        Assert.Equal("Topic 'nosuchtopic' of subject 'nosuchtopic-value' does not exist on the Kafka cluster.", impacts[0].Reason);
        Assert.Null(impacts[0].Topic);
        Assert.Equal(ImpactVerdict.NoneSeen, impacts[1].Verdict);
    }

    [Fact]
    public async Task CheckAsync_MappedContextSubject_IsChecked()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.WithId(9)));
        var checker = Checkers.Over(cluster, GroupsAdmin.Over(cluster).Object, new Dictionary<string, string> { [".staging/orders"] = topic });

        var impacts = await checker.CheckAsync(
            Registries.Name, [Targets.Permanent(":.staging:orders", 9), Targets.Permanent(":.staging:users", 9)], Targets.Options(), CancellationToken.None);

        Assert.Equal((topic, ImpactVerdict.Affected), (impacts[0].Topic, impacts[0].Verdict));
        Assert.Equal([9], impacts[0].IdsInRetainedData);
        Assert.Equal(ImpactVerdict.Unknown, impacts[1].Verdict);
        Assert.Equal("No topic known for subject ':.staging:users': subjects in a named context need a Kafka.Topics mapping.", impacts[1].Reason);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
