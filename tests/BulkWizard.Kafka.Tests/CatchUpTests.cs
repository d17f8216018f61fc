using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Kafka.Tests.Support;

namespace BulkWizard.Kafka.Tests;

/// <summary>Waiting for consumer groups to read up to the log-end offsets recorded when the wait began.</summary>
public sealed class CatchUpTests(MockCluster cluster) : IClassFixture<MockCluster>
{
    [Fact]
    public async Task WaitForCatchUpAsync_GroupCommitsToTheEnd_CaughtUpWithProgress()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, [.. Enumerable.Range(0, 4).Select(_ => ((byte[]?)null, (byte[]?)Wire.Plain("m")))]);
        cluster.Commit("billing", topic, 1);
        var progress = new Collected();
        // The group catches up once the wait has seen it behind: its first progress line is the signal.
        var catchingUp = Task.Run(async () =>
        {
            await progress.FirstLine.WaitAsync(TimeSpan.FromSeconds(10));
            cluster.Commit("billing", topic, 4);
        });

        var result = await Checker().WaitForCatchUpAsync(Registries.Name, [Affected(topic, 3)], TimeSpan.FromSeconds(10), progress, CancellationToken.None);
        await catchingUp;

        Assert.True(result.CaughtUp);
        Assert.Empty(result.Behind);
        Assert.Contains($"group billing: lag 3 on topic {topic}", progress.Lines);
        Assert.InRange(result.Waited, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForCatchUpAsync_GroupStaysBehind_TimesOutWithItsLag()
    {
        var topic = MockCluster.NewTopic();
        cluster.Produce(topic, [.. Enumerable.Range(0, 5).Select(_ => ((byte[]?)null, (byte[]?)Wire.Plain("m")))]);
        cluster.Commit("nightly", topic, 2);
        var progress = new Collected();

        var result = await Checker().WaitForCatchUpAsync(Registries.Name, [Affected(topic, 3, "nightly")], TimeSpan.FromSeconds(1), progress, CancellationToken.None);

        Assert.False(result.CaughtUp);
        Assert.Equal([new ConsumerGroupImpact("nightly", "Empty", 0, 3)], result.Behind);
        Assert.True(result.Waited >= TimeSpan.FromSeconds(1));
        Assert.All(progress.Lines, l => Assert.Equal($"group nightly: lag 3 on topic {topic}", l));
    }

    [Fact]
    public async Task WaitForCatchUpAsync_NoGroups_CaughtUpAtOnce()
    {
        var result = await Checker().WaitForCatchUpAsync(Registries.Name, [Affected("unused", 0) with { Groups = [] }], TimeSpan.FromSeconds(5), null, CancellationToken.None);

        Assert.Equal((true, TimeSpan.Zero), (result.CaughtUp, result.Waited));
    }

    private KafkaImpactChecker Checker() => Checkers.Over(cluster, GroupsAdmin.Over(cluster).Object);

    private static SubjectImpact Affected(string topic, long lag, string group = "billing") =>
        new($"{topic}-value", topic, false, [new ConsumerGroupImpact(group, "Empty", 0, lag)], [], null, ImpactVerdict.Affected, "in use");

    /// <summary>Progress reported synchronously, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class Collected : IProgress<string>
    {
        private readonly List<string> _lines = [];
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstLine => _first.Task;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public void Report(string value)
        {
            lock (_lines)
            {
                _lines.Add(value);
            }

            _first.TrySetResult();
        }
    }
}
