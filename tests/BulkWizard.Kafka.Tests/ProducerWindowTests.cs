using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Kafka.Tests.Support;

namespace BulkWizard.Kafka.Tests;

/// <summary>Producers are seen by the high watermarks moving during the window.</summary>
public sealed class ProducerWindowTests(MockCluster cluster) : IClassFixture<MockCluster>
{
    [Fact]
    public async Task CheckAsync_ProducerWritesDuringWindow_ProducersActiveAndAffected()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.Plain("first")));
        using var stop = new CancellationTokenSource();
        var producing = Task.Run(async () =>
        {
            // A producer writing at a steady pace for as long as the check watches.
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            do
            {
                cluster.Produce(topic, (null, Wire.Plain("more")));
            }
            while (await pace.WaitForNextTickAsync(CancellationToken.None) && !stop.IsCancellationRequested);
        });

        var impact = await CheckAsync(Targets.Soft($"{topic}-value"));
        await stop.CancelAsync();
        await producing;

        Assert.True(impact.ProducersActive);
        Assert.Equal(ImpactVerdict.Affected, impact.Verdict);
        Assert.Equal($"Topic '{topic}' is in use: producers wrote to it during the 1 s window.", impact.Reason);
    }

    [Fact]
    public async Task CheckAsync_QuietTopic_SoftDelete_NoneSeen()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, (null, Wire.WithId(7)));

        var impact = await CheckAsync(Targets.Soft($"{topic}-value"));

        Assert.False(impact.ProducersActive);
        Assert.Equal(ImpactVerdict.NoneSeen, impact.Verdict);
        Assert.StartsWith($"No producer wrote to topic '{topic}' during the 1 s window", impact.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_SeveralTopics_OneWindowForAll()
    {
        var topics = Enumerable.Range(0, 3).Select(_ => MockCluster.NewTopic()).ToList();
        foreach (var topic in topics)
        {
            cluster.Produce(topic, (null, Wire.Plain("x")));
        }

        var windows = new WindowCounter(Targets.Window);
        var checker = Checkers.Over(cluster, GroupsAdmin.Over(cluster).Object, time: windows);
        var impacts = await checker.CheckAsync(Registries.Name, [.. topics.Select(t => Targets.Soft($"{t}-value"))], Targets.Options(), CancellationToken.None);

        Assert.All(impacts, i => Assert.Equal(ImpactVerdict.NoneSeen, i.Verdict));
        Assert.Equal(1, windows.Count);
    }

    private async Task<SubjectImpact> CheckAsync(ImpactTarget target)
    {
        var checker = Checkers.Over(cluster, GroupsAdmin.Over(cluster).Object);
        return Assert.Single(await checker.CheckAsync(Registries.Name, [target], Targets.Options(), CancellationToken.None));
    }
}
