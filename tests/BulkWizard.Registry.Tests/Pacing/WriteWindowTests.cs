using BulkWizard.Registry.Pacing;

namespace BulkWizard.Registry.Tests.Pacing;

/// <summary>The AIMD window of writes in flight: halved once per round of strain, widened by one per healthy round, open again once past the writes seen.</summary>
public sealed class WriteWindowTests
{
    [Fact]
    public async Task Narrow_HalvesTheWritesInFlight_OncePerRound()
    {
        var window = new WriteWindow();
        var tickets = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            tickets.Add(await window.EnterAsync(CancellationToken.None));
        }

        var first = window.Narrow(tickets[0]);
        var sameRound = window.Narrow(tickets[7]);

        Assert.Equal(4, first);
        Assert.Null(sameRound);
        Assert.Equal(4, window.Limit);
    }

    [Fact]
    public async Task Narrow_WritesBeyondTheLimitWait_AndGoInOrderAsSlotsFree()
    {
        var window = new WriteWindow();
        var tickets = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add(await window.EnterAsync(CancellationToken.None));
        }

        window.Narrow(tickets[3]);
        var waiting = window.EnterAsync(CancellationToken.None).AsTask();
        window.Exit();
        window.Exit();
        var stillWaiting = waiting.IsCompleted;
        window.Exit();

        Assert.False(stillWaiting);
        Assert.Equal(5, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Healthy_ARoundOfGoodWritesWidensByOne_ThenOpensPastTheWritesSeen()
    {
        var window = new WriteWindow();
        var tickets = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add(await window.EnterAsync(CancellationToken.None));
        }

        window.Narrow(tickets[0]);
        for (var i = 0; i < 4; i++)
        {
            window.Exit();
        }

        var limits = new List<int?>();
        for (var i = 0; i < 2 + 3 + 4; i++)
        {
            limits.Add(window.Healthy());
        }

        // 2 healthy writes widen 2 -> 3, 3 more widen 3 -> 4, 4 more pass the 4 writes ever seen in flight: open.
        Assert.Equal([null, 3, null, null, 4, null, null, null, WriteWindow.Open], limits);
        Assert.Null(window.Healthy());
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesTheQueue()
    {
        var window = new WriteWindow();
        var ticket = await window.EnterAsync(CancellationToken.None);
        window.Narrow(ticket);
        using var cancel = new CancellationTokenSource();

        var waiting = window.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        window.Exit();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(2, await window.EnterAsync(CancellationToken.None));
    }
}
