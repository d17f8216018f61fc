namespace BulkWizard.Registry.Pacing;

/// <summary>
/// The instant until which no request may go to a registry that answered 429: every worker waits it out, not only the
/// one that was turned away. A later 429 can only push it further.
/// </summary>
internal sealed class RetryAfterHold(TimeProvider time)
{
    private long _untilUtcTicks;

    /// <summary>Holds every request for <paramref name="wait"/> from now (or longer, if already held longer).</summary>
    public void HoldFor(TimeSpan wait)
    {
        var until = time.GetUtcNow().Add(wait).UtcTicks;
        var current = Interlocked.Read(ref _untilUtcTicks);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref _untilUtcTicks, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Returns once the hold is over; at once when there is none.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var left = new DateTimeOffset(Interlocked.Read(ref _untilUtcTicks), TimeSpan.Zero) - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left, time, cancellationToken);
        }
    }
}
