using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry.Pacing;

/// <summary>
/// The pace of the requests to one registry, shared by everything that calls it: the retry layer's every attempt passes
/// through <see cref="AdmitAsync"/> and <see cref="Observe"/> (<see cref="PaceStrategy"/>).
/// <list type="bullet">
/// <item>429: every request waits the answer's <c>Retry-After</c> (seconds or a date; at most
/// <see cref="RegistryResilienceOptions.MaxDelay"/>, <see cref="RegistryResilienceOptions.BaseDelay"/> without one).</item>
/// <item>50002 (operation timed out) and write latency rising past its baseline: fewer writes at a time
/// (<see cref="WriteWindow"/>, <see cref="WriteLatency"/>), recovering as writes go well again.</item>
/// <item><see cref="RegistryOptions.MaxWritesPerMinute"/>: writes spread evenly under it (<see cref="WriteCeiling"/>).</item>
/// </list>
/// Each slowdown is logged and told to the watchers (<see cref="Watch"/>): a run shows them to the person running it.
/// </summary>
internal sealed class RegistryPace : IDisposable
{
    private readonly RegistryOptions _registry;
    private readonly RegistryResilienceOptions _resilience;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RetryAfterHold _hold;
    private readonly WriteWindow _window = new();
    private readonly WriteLatency _latency = new();
    private readonly WriteCeiling? _ceiling;
    private readonly Lock _watchersGate = new();
    private ImmutableList<Action<PaceEvent>> _watchers = [];

    public RegistryPace(RegistryOptions registry, RegistryResilienceOptions resilience, TimeProvider time, ILogger logger)
    {
        _registry = registry;
        _resilience = resilience;
        _time = time;
        _logger = logger;
        _hold = new RetryAfterHold(time);
        _ceiling = registry.MaxWritesPerMinute is { } perMinute ? new WriteCeiling(perMinute, time) : null;
    }

    /// <summary>How many writes may be in flight now; <see cref="WriteWindow.Open"/> when the run's parallelism decides.</summary>
    public int WriteLimit => _window.Limit;

    /// <summary>Calls <paramref name="listener"/> on each change of pace until the handle is disposed.</summary>
    public IDisposable Watch(Action<PaceEvent> listener)
    {
        lock (_watchersGate)
        {
            _watchers = _watchers.Add(listener);
        }

        return new Watcher(this, listener);
    }

    /// <summary>
    /// Waits until the request may go: a write first waits its turn under the ceiling and room in the window; every
    /// request then waits out a 429's hold. Dispose the admission when the attempt has ended.
    /// </summary>
    public async ValueTask<Admission> AdmitAsync(bool write, CancellationToken cancellationToken)
    {
        if (!write)
        {
            await _hold.WaitAsync(cancellationToken);
            return new Admission(this, null, null);
        }

        System.Threading.RateLimiting.RateLimitLease? lease = null;
        if (_ceiling is not null && !_ceiling.TryTake(out lease))
        {
            Tell(PaceReason.WriteCeiling, $"at most {_ceiling.WritesPerMinute} writes a minute (MaxWritesPerMinute): writes wait their turn");
            lease = await _ceiling.WaitAsync(cancellationToken);
        }

        long ticket;
        try
        {
            ticket = await _window.EnterAsync(cancellationToken);
        }
        catch
        {
            lease?.Dispose();
            throw;
        }

        var admission = new Admission(this, ticket, lease);
        try
        {
            await _hold.WaitAsync(cancellationToken);
        }
        catch
        {
            admission.Dispose();
            throw;
        }

        return admission;
    }

    /// <summary>What one attempt met: a 429 holds the registry, a 50002 or a slow write narrows the window, a good write widens it.</summary>
    /// <param name="errorCode">The registry's <c>error_code</c> of a 5xx answer, 0 when none was read.</param>
    public void Observe(Admission admission, HttpResponseMessage? response, int errorCode, TimeSpan elapsed)
    {
        if (response?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            RateLimited(response);
            return;
        }

        if (errorCode == RegistryErrorCodes.OperationTimeout)
        {
            var limit = _window.Narrow(admission.Ticket) ?? _window.Limit;
            Tell(PaceReason.OperationTimedOut, $"registry timed out an operation (50002); {WritesAtATime(limit)}");
            return;
        }

        if (admission.Ticket is not { } ticket || response is not { IsSuccessStatusCode: true })
        {
            return;
        }

        if (_latency.Record(elapsed, out var average, out var baseline))
        {
            if (_window.Narrow(ticket) is { } narrowed)
            {
                Tell(PaceReason.LatencyRising, $"write latency rose to {Duration(average)} (baseline {Duration(baseline)}); {WritesAtATime(narrowed)}");
            }

            return;
        }

        if (_window.Healthy() == WriteWindow.Open)
        {
            Tell(PaceReason.Recovered, "writes going well again; back to full parallelism");
        }
    }

    public void Dispose() => _ceiling?.Dispose();

    /// <summary>"2 s", "250 ms", "1.5 s".</summary>
    internal static string Duration(TimeSpan span) => span < TimeSpan.FromSeconds(1)
        ? $"{Math.Round(span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)} ms"
        : $"{Math.Round(span.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)} s";

    private void RateLimited(HttpResponseMessage response)
    {
        var asked = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        if (asked is null)
        {
            _hold.HoldFor(_resilience.BaseDelay);
            Tell(PaceReason.RateLimited, $"registry answered 429 without Retry-After; waiting {Duration(_resilience.BaseDelay)}");
            return;
        }

        var wait = asked.Value < TimeSpan.Zero ? TimeSpan.Zero : asked.Value;
        if (wait > _resilience.MaxDelay)
        {
            _hold.HoldFor(_resilience.MaxDelay);
            Tell(PaceReason.RateLimited, $"registry asked to wait {Duration(wait)} (429); waiting {Duration(_resilience.MaxDelay)}, the most allowed");
            return;
        }

        _hold.HoldFor(wait);
        Tell(PaceReason.RateLimited, $"registry asked to wait {Duration(wait)} (429)");
    }

    private static string WritesAtATime(int limit) =>
        limit == WriteWindow.Open ? "writes at full parallelism" : $"at most {limit} write{(limit == 1 ? "" : "s")} at a time now";

    private void Tell(PaceReason reason, string message)
    {
        if (reason == PaceReason.WriteCeiling)
        {
            _logger.PaceHeldByCeiling(_registry.Name, message);
        }
        else
        {
            _logger.PaceChanged(_registry.Name, message);
        }

        var paceEvent = new PaceEvent(_registry.Name, reason, message);
        foreach (var watcher in Volatile.Read(ref _watchers))
        {
            watcher(paceEvent);
        }
    }

    /// <summary>One attempt let through; disposing it frees its place in the window.</summary>
    internal readonly struct Admission(RegistryPace pace, long? ticket, System.Threading.RateLimiting.RateLimitLease? lease) : IDisposable
    {
        /// <summary>When the write entered the window; null for a read.</summary>
        public long? Ticket => ticket;

        public void Dispose()
        {
            lease?.Dispose();
            if (ticket is not null)
            {
                pace._window.Exit();
            }
        }
    }

    private sealed class Watcher(RegistryPace pace, Action<PaceEvent> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (pace._watchersGate)
                {
                    pace._watchers = pace._watchers.Remove(listener);
                }
            }
        }
    }
}
