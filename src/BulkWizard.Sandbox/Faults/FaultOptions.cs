namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// The faults a Sandbox injects while armed (<see cref="FaultInjector.Arm"/>, <see cref="SandboxOptions.Faults"/> or
/// <c>PUT /_sandbox/faults</c>). Each registry request draws one number from a generator seeded with
/// <see cref="Seed"/>, so the same requests in the same order meet the same faults: below <see cref="ErrorRate"/> it
/// is answered with an error, in the next <see cref="TimeoutRate"/> it is held, in the next <see cref="DropRate"/> its
/// connection is aborted, in the next <see cref="RateLimitRate"/> it is turned away with 429 and a <c>Retry-After</c>.
/// A write that <see cref="FailWrite"/> picks fails that way instead.
/// </summary>
public sealed record FaultOptions
{
    public int Seed { get; init; }

    /// <summary>The share of requests (0 to 1) answered with <see cref="ErrorStatus"/> without being handled.</summary>
    public double ErrorRate { get; init; }

    /// <summary>500 (error code 50001) or 503 (error code 50003).</summary>
    public int ErrorStatus { get; init; } = 503;

    /// <summary>The share of requests (0 to 1) held, then answered 500 with error code 50002 (operation timed out).</summary>
    public double TimeoutRate { get; init; }

    /// <summary>How long a held request waits; null holds it until the client gives up (or the faults are disarmed).</summary>
    public TimeSpan? TimeoutHold { get; init; }

    /// <summary>The share of requests (0 to 1) whose connection is aborted without an answer.</summary>
    public double DropRate { get; init; }

    /// <summary>
    /// The share of requests (0 to 1) turned away unprocessed, as a rate-limited registry does: 429 with
    /// <c>{"error_code": 429, …}</c> and a <c>Retry-After</c> of <see cref="RetryAfterSeconds"/>.
    /// </summary>
    public double RateLimitRate { get; init; }

    /// <summary>The <c>Retry-After</c> header (whole seconds) of every 429 the faults answer; 1 by default.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Added to every registry request before anything else happens to it.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public WriteFault? FailWrite { get; init; }

    /// <summary>Why these options cannot be armed, or null when they can.</summary>
    public string? Validate() =>
        OutOfRange(ErrorRate) ? $"errorRate must be between 0 and 1 (got {ErrorRate})."
        : OutOfRange(TimeoutRate) ? $"timeoutRate must be between 0 and 1 (got {TimeoutRate})."
        : OutOfRange(DropRate) ? $"dropRate must be between 0 and 1 (got {DropRate})."
        : OutOfRange(RateLimitRate) ? $"rateLimitRate must be between 0 and 1 (got {RateLimitRate})."
        : ErrorRate + TimeoutRate + DropRate + RateLimitRate > 1 ? "errorRate, timeoutRate, dropRate and rateLimitRate must add up to 1 at most."
        : RetryAfterSeconds is < 0 or > 3600 ? $"retryAfterSeconds must be 0 to 3600 (got {RetryAfterSeconds})."
        : ErrorStatus is not (500 or 503) ? $"errorStatus must be 500 or 503 (got {ErrorStatus})."
        : TimeoutHold <= TimeSpan.Zero ? $"timeoutHold must be positive when given (got {TimeoutHold})."
        : Latency < TimeSpan.Zero ? $"latency must not be negative (got {Latency})."
        : FailWrite?.Validate();

    private static bool OutOfRange(double rate) => double.IsNaN(rate) || rate is < 0 or > 1;
}
