namespace BulkWizard.Core.Registry;

/// <summary>Why requests to a registry were slowed down (<see cref="PaceEvent"/>).</summary>
public enum PaceReason
{
    /// <summary>The registry answered 429: every request to it waits its <c>Retry-After</c> (bounded).</summary>
    RateLimited,

    /// <summary>The registry answered error code 50002 (operation timed out): fewer writes at a time.</summary>
    OperationTimedOut,

    /// <summary>Write latency rose well past its baseline: fewer writes at a time.</summary>
    LatencyRising,

    /// <summary>A write waited for the registry's <c>MaxWritesPerMinute</c>.</summary>
    WriteCeiling,

    /// <summary>Latency and timeouts are back to normal: as many writes at a time as the run asks for. Not a slowdown.</summary>
    Recovered,
}
