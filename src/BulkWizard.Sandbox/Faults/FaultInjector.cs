using System.Collections.Immutable;

namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// Decides which registry requests meet a fault while <see cref="FaultOptions"/> are armed, and counts the faults
/// injected since the last <see cref="Arm"/> (kept after <see cref="Disarm"/>, so a test can check a fault fired).
/// Thread-safe; disarmed, every request is handled as usual.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly long[] injected = new long[Enum.GetValues<FaultKind>().Length];
    private ArmedFaults? armed;
    private long writes;

    /// <summary>The armed options, or null when disarmed.</summary>
    public FaultOptions? Options => Volatile.Read(ref armed)?.Options;

    public bool IsArmed => Volatile.Read(ref armed) is not null;

    /// <summary>Faults injected since the last arming, by kind (every kind listed, 0 when none).</summary>
    public IReadOnlyDictionary<FaultKind, long> Injected =>
        Enum.GetValues<FaultKind>().ToImmutableSortedDictionary(kind => kind, Count);

    /// <summary>Faults of one kind injected since the last arming.</summary>
    public long Count(FaultKind kind) => Interlocked.Read(ref injected[(int)kind]);

    /// <summary>Arms <paramref name="options"/> in place of any armed before; the write count and the injected counts start again at 0.</summary>
    /// <exception cref="ArgumentException">The options are invalid (<see cref="FaultOptions.Validate"/>).</exception>
    public void Arm(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        lock (gate)
        {
            armed?.Release();
            Interlocked.Exchange(ref writes, 0);
            for (var i = 0; i < injected.Length; i++)
            {
                Interlocked.Exchange(ref injected[i], 0);
            }

            Volatile.Write(ref armed, new ArmedFaults(options));
        }
    }

    /// <summary>Stops injecting faults; requests held by a timeout fault are answered at once.</summary>
    public void Disarm()
    {
        lock (gate)
        {
            armed?.Release();
            Volatile.Write(ref armed, null);
        }
    }

    /// <summary>The fault for one routed request: its method, route template and subject (null when the route names none).</summary>
    internal FaultDecision Decide(string method, string template, string? subject)
    {
        if (Volatile.Read(ref armed) is not { } current)
        {
            return FaultDecision.None;
        }

        var options = current.Options;
        var latency = options.Latency;
        if (latency > TimeSpan.Zero)
        {
            Record(FaultKind.Latency);
        }

        // Drawn for every request, so the sequence of faults depends only on the seed and the order of requests.
        var draw = current.NextDraw();
        if (options.FailWrite is { } failWrite && RegistryWrites.IsWrite(method, template) && failWrite.Covers(subject))
        {
            var write = Interlocked.Increment(ref writes);
            if (failWrite.Fails(write))
            {
                return WriteFailure(failWrite, options, write, method, template, subject, latency);
            }
        }

        if (draw < options.ErrorRate)
        {
            Record(FaultKind.Error);
            return options.ErrorStatus == 500
                ? new FaultDecision(latency, FaultAction.Fail, 500, 50001, "Error in the backend data store")
                : new FaultDecision(latency, FaultAction.Fail, 503, 50003, "Error while forwarding the request to the primary");
        }

        if (draw < options.ErrorRate + options.TimeoutRate)
        {
            Record(FaultKind.Timeout);
            return new FaultDecision(latency, FaultAction.Hold, 500, 50002, "Operation timed out", options.TimeoutHold, current.Released);
        }

        if (draw < options.ErrorRate + options.TimeoutRate + options.DropRate)
        {
            Record(FaultKind.Drop);
            return new FaultDecision(latency, FaultAction.Drop);
        }

        if (draw < options.ErrorRate + options.TimeoutRate + options.DropRate + options.RateLimitRate)
        {
            Record(FaultKind.RateLimited);
            return RateLimited(latency, options, "Too Many Requests");
        }

        return new FaultDecision(latency, FaultAction.None);
    }

    private FaultDecision WriteFailure(WriteFault fault, FaultOptions options, long write, string method, string template, string? subject, TimeSpan latency)
    {
        var before = fault.Timing == WriteFaultTiming.BeforeApply;
        Record(fault.Answer == WriteFaultAnswer.RateLimited ? FaultKind.RateLimited
            : before ? FaultKind.WriteFailedBeforeApply : FaultKind.WriteFailedAfterApply);
        var target = subject is null ? template : $"{template} ({subject})";
        var message = before
            ? $"Injected fault: write {write} ({method} {target}) failed before it was applied"
            : $"Injected fault: write {write} ({method} {target}) was applied, but its answer was lost";
        if (fault.Answer == WriteFaultAnswer.RateLimited)
        {
            return RateLimited(latency, options, message);
        }

        var action = (before, fault.Answer == WriteFaultAnswer.Drop) switch
        {
            (true, false) => FaultAction.Fail,
            (true, true) => FaultAction.Drop,
            (false, false) => FaultAction.FailAfterApply,
            _ => FaultAction.DropAfterApply,
        };
        var errorCode = fault.Answer == WriteFaultAnswer.TimedOut ? 50002 : 50001;
        return new FaultDecision(latency, action, 500, errorCode, message);
    }

    /// <summary>429 with the registry's error body and <c>Retry-After</c>; the request is not handled.</summary>
    private static FaultDecision RateLimited(TimeSpan latency, FaultOptions options, string message) =>
        new(latency, FaultAction.Fail, 429, 429, message, RetryAfterSeconds: options.RetryAfterSeconds);

    private void Record(FaultKind kind) => Interlocked.Increment(ref injected[(int)kind]);
}
