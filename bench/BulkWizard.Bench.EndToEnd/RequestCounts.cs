using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The standalone Sandbox's own request counts per route (<c>GET /_sandbox/requests</c>, served with
/// <c>--request-counts</c>; that read is not counted), and the difference between two readings.
/// </summary>
internal sealed record RequestCounts(long Total, IReadOnlyDictionary<string, long> Routes)
{
    public static async Task<RequestCounts> ReadAsync(HttpClient http)
    {
        var json = await http.GetFromJsonAsync<JsonObject>("_sandbox/requests")
            ?? throw new InvalidOperationException("GET /_sandbox/requests answered nothing");
        var routes = (json["routes"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<long>(), StringComparer.Ordinal);
        return new RequestCounts(json["total"]!.GetValue<long>(), routes);
    }

    /// <summary>The requests served after <paramref name="earlier"/> up to this reading.</summary>
    public RequestCounts Since(RequestCounts earlier) => new(
        Total - earlier.Total,
        Routes.Select(p => (p.Key, Count: p.Value - earlier.Routes.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal));

    /// <summary><c>GET /schemas 101, GET /subjects 1, …</c>, most first.</summary>
    public string Describe() => Routes.Count == 0
        ? "none"
        : string.Join(", ", Routes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"`{p.Key}` {p.Value}"));
}
