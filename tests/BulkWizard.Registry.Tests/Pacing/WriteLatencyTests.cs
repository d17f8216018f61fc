using BulkWizard.Registry.Pacing;

namespace BulkWizard.Registry.Tests.Pacing;

/// <summary>Rising write latency: the moving average well past the lowest it was after the warm-up, in ratio and in milliseconds.</summary>
public sealed class WriteLatencyTests
{
    [Fact]
    public void Record_SlowWritesAfterTheWarmUp_RisingOnceTheAverageIsThreeTimesTheBaseline()
    {
        var latency = new WriteLatency();
        var rising = Enumerable.Range(0, WriteLatency.WarmUp).Select(i => latency.Record(TimeSpan.FromMilliseconds(40), out _, out _)).ToList();
        var slow = new List<bool>();
        TimeSpan average = default, baseline = default;
        for (var i = 0; i < 10; i++)
        {
            slow.Add(latency.Record(TimeSpan.FromMilliseconds(400), out average, out baseline));
        }

        Assert.DoesNotContain(true, rising);

        // The average goes 40 -> 112 -> 170 ms: past 3 x 40 ms and 100 ms above it at the second slow write.
        Assert.Equal([false, true], slow.Take(2));
        Assert.Equal(TimeSpan.FromMilliseconds(40), baseline);
        Assert.True(average > TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Record_FastRegistryTripling_NotRisingBelowTheMinimumRise()
    {
        var latency = new WriteLatency();
        for (var i = 0; i < WriteLatency.WarmUp; i++)
        {
            latency.Record(TimeSpan.FromMilliseconds(2), out _, out _);
        }

        var rising = Enumerable.Range(0, 20).Select(i => latency.Record(TimeSpan.FromMilliseconds(30), out _, out _));

        Assert.DoesNotContain(true, rising);
    }

    [Fact]
    public void Record_DuringTheWarmUp_NeverRising()
    {
        var latency = new WriteLatency();
        latency.Record(TimeSpan.FromMilliseconds(1), out _, out _);

        var rising = Enumerable.Range(0, WriteLatency.WarmUp - 2).Select(i => latency.Record(TimeSpan.FromSeconds(5), out _, out _));

        Assert.DoesNotContain(true, rising);
    }
}
