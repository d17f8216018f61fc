namespace BulkWizard.Sandbox.Faults;

/// <summary>What a fault did to a request; <see cref="FaultInjector.Injected"/> counts each kind.</summary>
public enum FaultKind
{
    /// <summary>Answered 500 or 503 without being handled (the random error rate).</summary>
    Error,

    /// <summary>Held until the client gave up, or answered a timeout error once the hold ended.</summary>
    Timeout,

    /// <summary>The connection was aborted without an answer (the random drop rate).</summary>
    Drop,

    /// <summary>Delayed by the configured latency, then handled as usual.</summary>
    Latency,

    /// <summary>A write failed before it was applied: nothing stored.</summary>
    WriteFailedBeforeApply,

    /// <summary>A write was applied, then its answer was lost (a 500 or a dropped connection).</summary>
    WriteFailedAfterApply,

    /// <summary>Turned away unprocessed with 429 and a <c>Retry-After</c> (the random rate-limit rate, or a write fault answered <c>rateLimited</c>).</summary>
    RateLimited,
}
