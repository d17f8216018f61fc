namespace BulkWizard.Core.Execution;

/// <summary>
/// How often the registries' pace slowed a run down (<see cref="Registry.PaceReason"/>): 429 answers waited out,
/// 50002 answers (operation timed out), narrowings for rising write latency, and writes held by <c>MaxWritesPerMinute</c>;
/// <see cref="Last"/> says the latest in words. The pace is the registry's, so it counts what slowed the registry's
/// requests while the run ran.
/// </summary>
public sealed record RunSlowdowns(int RateLimited, int TimedOut, int LatencyRising, int WriteCeiling, string? Last)
{
    public static RunSlowdowns None { get; } = new(0, 0, 0, 0, null);

    public int Total => RateLimited + TimedOut + LatencyRising + WriteCeiling;

    /// <summary>"3 × 429, 1 × 50002" for the kinds that happened; empty when none did.</summary>
    public string Describe() => string.Join(", ", new[]
    {
        (RateLimited, "429"),
        (TimedOut, "50002"),
        (LatencyRising, "rising latency"),
        (WriteCeiling, "writes-per-minute ceiling"),
    }.Where(k => k.Item1 > 0).Select(k => $"{k.Item1} × {k.Item2}"));
}
