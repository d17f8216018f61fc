using System.Collections.Concurrent;

namespace BulkWizard.Sandbox;

/// <summary>
/// Counts of requests served, in total and per route ("GET /subjects/{subject}/versions"; requests
/// that match no route count as "GET (unmatched)"). Thread-safe; tests use it to prove how many
/// calls a bulk operation made.
/// </summary>
public sealed class SandboxRequestStats
{
    private readonly ConcurrentDictionary<string, long> byRoute = new(StringComparer.Ordinal);
    private long total;

    public long Total => Interlocked.Read(ref total);

    /// <summary>Requests served for one route key, 0 when none.</summary>
    public long Get(string route) => byRoute.TryGetValue(route, out var count) ? count : 0;

    /// <summary>A copy of the per-route counts.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(byRoute, StringComparer.Ordinal);

    public void Reset()
    {
        byRoute.Clear();
        Interlocked.Exchange(ref total, 0);
    }

    internal void Record(string route)
    {
        Interlocked.Increment(ref total);
        byRoute.AddOrUpdate(route, 1, static (_, count) => count + 1);
    }
}
