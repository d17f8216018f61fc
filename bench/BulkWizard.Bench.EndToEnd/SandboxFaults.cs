using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The standalone Sandbox's fault injector over HTTP (<c>/_sandbox/faults</c>, served with <c>--faults-endpoint</c>):
/// <c>PUT</c> arms a fault mix, <c>GET</c> reads the faults injected since, <c>DELETE</c> disarms.
/// </summary>
internal static class SandboxFaults
{
    private const string Path = "_sandbox/faults";

    /// <summary>
    /// The mix the bench arms: 5 % of the registry's requests, drawn from a fixed seed: 2.5 % answered 503 unhandled,
    /// 0.5 % held 100 ms then answered 500 "operation timed out", 2 % with their connection dropped before they are handled.
    /// </summary>
    public static JsonObject FivePercent { get; } = new()
    {
        ["seed"] = 5, ["errorRate"] = 0.025, ["errorStatus"] = 503, ["timeoutRate"] = 0.005, ["timeoutHold"] = "00:00:00.100", ["dropRate"] = 0.02,
    };

    /// <summary>
    /// The rate-limited mix: 0.5 % of the registry's requests, drawn from a fixed seed, turned away with 429 and
    /// <c>Retry-After: 1</c>, as a registry under load does; each one holds the server's every request for a second.
    /// </summary>
    public static JsonObject RateLimited { get; } = new()
    {
        ["seed"] = 5, ["rateLimitRate"] = 0.005, ["retryAfterSeconds"] = 1,
    };

    public static string Describe(JsonObject mix) => mix.ToJsonString();

    public static async Task ArmAsync(HttpClient http, JsonObject mix)
    {
        using var body = new StringContent(mix.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(Path, body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The faults injected since arming, by kind (<c>error</c>, <c>timeout</c>, <c>drop</c>, …), without the kinds at 0.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> InjectedAsync(HttpClient http)
    {
        var state = await http.GetFromJsonAsync<JsonObject>(Path) ?? throw new InvalidOperationException($"GET /{Path} answered nothing");
        return (state["injected"] as JsonObject ?? []).Select(p => (p.Key, Count: p.Value!.GetValue<long>())).Where(p => p.Count > 0)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
    }

    public static async Task DisarmAsync(HttpClient http)
    {
        using var response = await http.DeleteAsync(Path);
        response.EnsureSuccessStatusCode();
    }
}
