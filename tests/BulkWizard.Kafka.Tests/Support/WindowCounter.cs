namespace BulkWizard.Kafka.Tests.Support;

/// <summary>The system clock, counting the timers started for a given span (the producer window).</summary>
public sealed class WindowCounter(TimeSpan window) : TimeProvider
{
    private int _count;

    public int Count => _count;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == window)
        {
            Interlocked.Increment(ref _count);
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
