namespace BulkWizard.Core.Tests.Support;

/// <summary>Collects progress reports, and lets a test wait (on a signal, never a sleep) until a count is reached.</summary>
internal sealed class ProgressLog
{
    private readonly Lock _gate = new();
    private readonly List<(int Processed, int Total, string Message)> _events = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<(int Processed, int Total, string Message)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Report(int processed, int total, string message)
    {
        lock (_gate)
        {
            _events.Add((processed, total, message));
            foreach (var waiter in _waiters.Where(w => processed >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public Task WhenProcessedAsync(int count)
    {
        lock (_gate)
        {
            if (_events.Count > 0 && _events[^1].Processed >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>
    /// Processed strictly increases (a note on the run's pace repeats it), total never shrinks, and the last report has
    /// processed equal to total.
    /// </summary>
    public void AssertWellFormed(int expectedTotal)
    {
        var events = Events;
        Assert.NotEmpty(events);
        for (var i = 1; i < events.Count; i++)
        {
            var note = events[i].Message.StartsWith("slowing down: ", StringComparison.Ordinal) || events[i].Message.StartsWith("speeding up: ", StringComparison.Ordinal);
            Assert.True(events[i].Processed > events[i - 1].Processed || (note && events[i].Processed == events[i - 1].Processed),
                $"processed went from {events[i - 1].Processed} to {events[i].Processed}");
            Assert.True(events[i].Total >= events[i - 1].Total, $"total went from {events[i - 1].Total} to {events[i].Total}");
        }

        Assert.Equal(expectedTotal, events[^1].Total);
        Assert.Equal(expectedTotal, events[^1].Processed);
    }
}
