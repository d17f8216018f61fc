using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Plain <see cref="HttpClient"/> loops over the generated subjects, <c>parallel</c> requests in flight: the
/// registry's own speed, with no BulkWizard code in the way. Every response body is read.
/// </summary>
internal sealed class RegistryLoad(Uri url, int parallel) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The subjects the bench makes and the server's pattern <c>bench-*</c> selects.</summary>
    public static string Subject(int i) => $"bench-{i:000000}-value";

    /// <summary>The subjects of the cleanup section, selected by <c>purge-*</c>.</summary>
    public static string PurgeSubject(int i) => $"purge-{i:000000}-value";

    /// <summary>The client the loops use, for reads of their own (listings, request counts).</summary>
    public HttpClient Http => _http;

    /// <summary><c>POST /subjects/{s}/versions</c> with a small Avro record of its own per subject.</summary>
    public Task<TimeSpan> RegisterAsync(int count) => ForEachAsync(count, async (i, token) =>
    {
        var schema = $$"""{"type":"record","name":"Bench{{i}}","namespace":"bench","fields":[{"name":"id","type":"string"},{"name":"n","type":"long","default":0}]}""";
        using var response = await _http.PostAsJsonAsync($"subjects/{Subject(i)}/versions", new { schema }, token);
        await ReadAsync(response, token);
    });

    /// <summary>
    /// <c>POST /subjects/{s}/versions</c> <paramref name="versions"/> times per subject, in order within a subject
    /// (subjects in parallel): version k adds the long field <c>fk</c> with a default, a BACKWARD-compatible step.
    /// </summary>
    public Task<TimeSpan> RegisterVersionsAsync(int count, int versions) => ForEachAsync(count, async (i, token) =>
    {
        var fields = new List<string> { """{"name":"id","type":"string"}""" };
        for (var k = 1; k <= versions; k++)
        {
            var schema = $$"""{"type":"record","name":"Purge{{i}}","namespace":"bench","fields":[{{string.Join(',', fields)}}]}""";
            using var response = await _http.PostAsJsonAsync($"subjects/{PurgeSubject(i)}/versions", new { schema }, token);
            await ReadAsync(response, token);
            fields.Add($$"""{"name":"f{{k}}","type":"long","default":0}""");
        }
    });

    /// <summary>Raw capacity: <c>PUT /config/{s}</c> alone.</summary>
    public Task<TimeSpan> PutConfigAsync(int count, string level) => ForEachAsync(count, (i, token) => PutAsync(i, level, token));

    /// <summary>The yardstick: what one safe item must do at least, <c>GET /config/{s}</c> then <c>PUT /config/{s}</c>.</summary>
    public Task<TimeSpan> GetThenPutConfigAsync(int count, string level) => ForEachAsync(count, async (i, token) =>
    {
        using (var response = await _http.GetAsync($"config/{Subject(i)}", token))
        {
            await ReadAsync(response, token);
        }

        await PutAsync(i, level, token);
    });

    /// <summary>How many of <paramref name="samples"/> purge subjects spread over 1..<paramref name="count"/> have neither a config nor a mode of their own.</summary>
    public async Task<(int Matching, int Sampled)> SampleWithoutOwnSettingsAsync(int count, int samples = 100)
    {
        var picked = Enumerable.Range(0, Math.Min(samples, count)).Select(k => 1 + (int)((long)k * count / Math.Min(samples, count))).ToList();
        var matching = 0;
        foreach (var i in picked)
        {
            using var config = await _http.GetAsync($"config/{PurgeSubject(i)}");
            using var mode = await _http.GetAsync($"mode/{PurgeSubject(i)}");
            matching += config.StatusCode == System.Net.HttpStatusCode.NotFound && mode.StatusCode == System.Net.HttpStatusCode.NotFound ? 1 : 0;
        }

        return (matching, picked.Count);
    }

    /// <summary>The subject's own compatibility level (no <c>defaultToGlobal</c>), or null when it has none.</summary>
    public async Task<string?> CompatibilityOfAsync(int i)
    {
        using var response = await _http.GetAsync($"config/{Subject(i)}");
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonObject>())?["compatibilityLevel"]?.GetValue<string>()
            : null;
    }

    /// <summary>How many of <paramref name="samples"/> subjects spread over 1..<paramref name="count"/> have their own level <paramref name="level"/> (null: none).</summary>
    public async Task<(int Matching, int Sampled)> SampleAsync(int count, string? level, int samples = 100)
    {
        var picked = Enumerable.Range(0, Math.Min(samples, count)).Select(k => 1 + (int)((long)k * count / Math.Min(samples, count))).ToList();
        var matching = 0;
        foreach (var i in picked)
        {
            matching += await CompatibilityOfAsync(i) == level ? 1 : 0;
        }

        return (matching, picked.Count);
    }

    /// <summary><c>DELETE /config/{s}</c> of every subject: each falls back to inheriting (a subject without one answers 404, also fine).</summary>
    public Task<TimeSpan> DeleteConfigAsync(int count) => ForEachAsync(count, async (i, token) =>
    {
        using var response = await _http.DeleteAsync($"config/{Subject(i)}", token);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            await ReadAsync(response, token);
        }
    });

    /// <summary>Every subject's own compatibility level (null: none), subject 1 first.</summary>
    public async Task<IReadOnlyList<string?>> ConfigLevelsAsync(int count)
    {
        var levels = new string?[count];
        await ForEachAsync(count, async (i, _) => levels[i - 1] = await CompatibilityOfAsync(i));
        return levels;
    }

    public void Dispose() => _http.Dispose();

    private async Task PutAsync(int i, string level, CancellationToken token)
    {
        using var response = await _http.PutAsJsonAsync($"config/{Subject(i)}", new { compatibility = level }, token);
        await ReadAsync(response, token);
    }

    private static async Task ReadAsync(HttpResponseMessage response, CancellationToken token)
    {
        var body = await response.Content.ReadAsStringAsync(token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        }
    }

    private async Task<TimeSpan> ForEachAsync(int count, Func<int, CancellationToken, Task> item)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, token) => await item(i, token));
        return Stopwatch.GetElapsedTime(started);
    }
}
