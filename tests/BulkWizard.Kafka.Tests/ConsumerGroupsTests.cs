using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Kafka.Tests.Support;
using Confluent.Kafka;
using Moq;

namespace BulkWizard.Kafka.Tests;

/// <summary>Consumer groups: listed through a mocked admin client, committed offsets from the mock cluster.</summary>
public sealed class ConsumerGroupsTests(MockCluster cluster) : IClassFixture<MockCluster>
{
    [Fact]
    public async Task CheckAsync_GroupCommittedOnTopic_ReportedWithLagAndAffected()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, [.. Enumerable.Range(0, 5).Select(_ => ((byte[]?)null, (byte[]?)Wire.Plain("m")))]);
        cluster.Commit("billing", topic, 2);
        var other = MockCluster.NewTopic();
        cluster.Produce(other, (null, Wire.Plain("m")));
        cluster.Commit("elsewhere", other, 1);
        var admin = GroupsAdmin.Over(cluster, ("billing", ConsumerGroupState.Empty, 0), ("elsewhere", ConsumerGroupState.Stable, 2), ("idle", ConsumerGroupState.Stable, 1));

        var impact = await CheckAsync(admin, Targets.Permanent($"{topic}-value"));

        Assert.Equal([new ConsumerGroupImpact("billing", "Empty", 0, 3)], impact.Groups);
        Assert.Equal(ImpactVerdict.Affected, impact.Verdict);
        Assert.Equal($"Topic '{topic}' is in use: consumer group 'billing' has committed offsets on it.", impact.Reason);
    }

    [Fact]
    public async Task CheckAsync_GroupMembersComeFromDescribe()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.Plain("m")));
        cluster.Commit("live", topic, 1);
        var admin = GroupsAdmin.Over(cluster, ("live", ConsumerGroupState.Stable, 3));

        var impact = await CheckAsync(admin, Targets.Permanent($"{topic}-value"));

        Assert.Equal([new ConsumerGroupImpact("live", "Stable", 3, 0)], impact.Groups);
    }

    [Fact]
    public async Task CheckAsync_GroupListingFails_UnknownWithTheError()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.Plain("m")));
        var admin = GroupsAdmin.Over(cluster);
        admin.Setup(a => a.ListGroups(It.IsAny<TimeSpan>())).Throws(new KafkaException(new Error(ErrorCode.GroupAuthorizationFailed, "not allowed to list groups")));

        var impact = await CheckAsync(admin, Targets.Permanent($"{topic}-value", 7));

        Assert.Equal(ImpactVerdict.Unknown, impact.Verdict);
        Assert.Equal(
            $"No producer wrote to topic '{topic}' during the 1 s window, but consumer impact is unknown: consumer groups could not be read (not allowed to list groups).",
            impact.Reason);
        Assert.Equal(false, impact.ProducersActive);
    }

    [Fact]
    public async Task CheckAsync_GroupListingHangs_UnknownWithinTheTimeout()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.Plain("m")));
        var admin = GroupsAdmin.Over(cluster);
        using var release = new ManualResetEventSlim();
        admin.Setup(a => a.ListGroups(It.IsAny<TimeSpan>())).Returns(() =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return [];
        });
        var started = DateTime.UtcNow;

        var impact = await CheckAsync(admin, Targets.Permanent($"{topic}-value", 7));

        Assert.Equal(ImpactVerdict.Unknown, impact.Verdict);
        Assert.EndsWith("consumer groups could not be read (no answer within 2 s).", impact.Reason, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        release.Set();
    }

    [Fact]
    public async Task CheckAsync_GroupsUnreadableButIdFound_AffectedAndSaysGroupsUnread()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.WithId(7)));
        var admin = GroupsAdmin.Over(cluster);
        admin.Setup(a => a.ListGroups(It.IsAny<TimeSpan>())).Throws(new KafkaException(new Error(ErrorCode.Local_Transport, "broker gone")));

        var impact = await CheckAsync(admin, Targets.Permanent($"{topic}-value", 7));

        Assert.Equal(ImpactVerdict.Affected, impact.Verdict);
        Assert.Equal(
            $"Topic '{topic}' is in use: removed schema id 7 is in its retained data; consumer groups could not be read (broker gone).",
            impact.Reason);
    }

    private async Task<SubjectImpact> CheckAsync(Mock<IAdminClient> admin, ImpactTarget target)
    {
        var checker = Checkers.Over(cluster, admin.Object);
        return Assert.Single(await checker.CheckAsync(Registries.Name, [target], Targets.Options(), CancellationToken.None));
    }
}
