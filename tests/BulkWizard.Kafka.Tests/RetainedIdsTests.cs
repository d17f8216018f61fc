using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Kafka.Tests.Support;

namespace BulkWizard.Kafka.Tests;

/// <summary>Removed schema ids found in retained messages, read from the mock cluster.</summary>
public sealed class RetainedIdsTests(MockCluster cluster) : IClassFixture<MockCluster>
{
    [Fact]
    public async Task CheckAsync_RemovedIdsInValues_AreListedAndAffect()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.WithId(7)), (null, Wire.WithId(9)), (null, Wire.WithId(12)));

        var impact = await CheckAsync(Targets.Permanent($"{topic}-value", 7, 9, 11), Targets.Options());

        Assert.Equal([7, 9], impact.IdsInRetainedData);
        Assert.Equal(ImpactVerdict.Affected, impact.Verdict);
        Assert.Equal(topic, impact.Topic);
        Assert.Contains("removed schema ids 7 and 9 are in its retained data", impact.Reason, StringComparison.Ordinal);
        Assert.Equal(GroupsAdmin.Retention, impact.RetentionMs);
    }

    [Fact]
    public async Task CheckAsync_MessagesNotInWireFormat_AreIgnored()
    {
        var topic = MockCluster.NewTopic();
        byte[] otherMagic = [1, 0, 0, 0, 7, 1];
        byte[] tooShort = [0, 0, 0, 7];
        cluster.Produce(topic, (null, otherMagic), (null, tooShort), (null, Wire.Plain("{\"id\":7}")), (null, null));

        var impact = await CheckAsync(Targets.Permanent($"{topic}-value", 7), Targets.Options());

        Assert.Empty(impact.IdsInRetainedData);
        Assert.Equal(ImpactVerdict.NoneSeen, impact.Verdict);
        Assert.Equal(
            $"Topic '{topic}': no producer wrote to it during the 1 s window, no consumer group has committed offsets on it, and no removed schema id is in the last 1000 messages of any partition.",
            impact.Reason);
    }

    [Fact]
    public async Task CheckAsync_Sample_ReadsOnlyTheLastMessagesOfEachPartition()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.WithId(7)), (null, Wire.WithId(9)), (null, Wire.WithId(9)), (null, Wire.WithId(9)));
        var target = Targets.Permanent($"{topic}-value", 7, 9);

        var sampled = await CheckAsync(target, Targets.Options(sample: 3));
        var whole = await CheckAsync(target, Targets.Options(sample: 3, wholeTopic: true));

        Assert.Equal([9], sampled.IdsInRetainedData);
        Assert.Equal([7, 9], whole.IdsInRetainedData);
    }

    [Fact]
    public async Task CheckAsync_KeySubject_ReadsKeysOnly()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (Wire.WithId(7), Wire.WithId(9)));

        var key = await CheckAsync(Targets.Permanent($"{topic}-key", 7, 9), Targets.Options());
        var value = await CheckAsync(Targets.Permanent($"{topic}-value", 7, 9), Targets.Options());

        Assert.Equal([7], key.IdsInRetainedData);
        Assert.Equal([9], value.IdsInRetainedData);
    }

    private async Task<SubjectImpact> CheckAsync(ImpactTarget target, ImpactCheckOptions options)
    {
        var checker = Checkers.Over(cluster, GroupsAdmin.Over(cluster).Object);
        return Assert.Single(await checker.CheckAsync(Registries.Name, [target], options, CancellationToken.None));
    }
}
