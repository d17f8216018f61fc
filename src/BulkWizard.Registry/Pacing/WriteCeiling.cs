using System.Threading.RateLimiting;

namespace BulkWizard.Registry.Pacing;

/// <summary>
/// <see cref="Core.Registry.RegistryOptions.MaxWritesPerMinute"/> as a token bucket
/// (<see cref="TokenBucketRateLimiter"/>) that holds at most a few tokens, so writes are spread evenly rather than sent
/// in a burst at the start of each minute: one token every 60/N seconds, or, above 1,200 a minute, k tokens every
/// k × 60/N seconds so that the refill ticks at most 20 times a second. The bucket is refilled by a timer of the
/// injected <see cref="TimeProvider"/> (not the limiter's own), so a test moves the clock and sees the next write go.
/// Writes wait in arrival order; nothing is refused.
/// </summary>
internal sealed class WriteCeiling : IDisposable
{
    private const int MaxTicksPerSecond = 20;
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _refill;

    public WriteCeiling(int writesPerMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writesPerMinute, 1);
        WritesPerMinute = writesPerMinute;
        var tokensPerTick = (int)Math.Ceiling(writesPerMinute / (60.0 * MaxTicksPerSecond));
        var tick = TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks * tokensPerTick / writesPerMinute);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerTick,
            TokensPerPeriod = tokensPerTick,

            // Refilled by hand (the timer below): a manual TryReplenish adds what the real time since the last one would
            // at this period, so a period of one tick makes each call fill the bucket, and the timer alone sets the pace.
            ReplenishmentPeriod = TimeSpan.FromTicks(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _refill = time.CreateTimer(_ => _bucket.TryReplenish(), null, tick, tick);
    }

    public int WritesPerMinute { get; }

    /// <summary>Takes a token at once when there is one (true), or returns false and the caller waits in <see cref="WaitAsync"/>.</summary>
    public bool TryTake(out RateLimitLease lease)
    {
        lease = _bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }

        lease.Dispose();
        return false;
    }

    /// <summary>Waits for the next token, in arrival order.</summary>
    /// <exception cref="ObjectDisposedException">The ceiling was disposed (the server is stopping) while the write waited.</exception>
    public async ValueTask<RateLimitLease> WaitAsync(CancellationToken cancellationToken)
    {
        var lease = await _bucket.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new ObjectDisposedException(nameof(WriteCeiling), "The registry's writes-per-minute ceiling was disposed while a write waited for its turn.");
    }

    public void Dispose()
    {
        _refill.Dispose();
        _bucket.Dispose();
    }
}
