using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The migration section's plain <see cref="HttpClient"/> loops, <c>parallel</c> subjects in flight. The subjects
/// <c>migrate-000001-value</c>… come in groups of <see cref="GroupSize"/>: the first of each group is a shared record
/// type, and version k of each of the next nine references the shared type's version k. Referenced subjects are
/// registered (and imported) before their referrers, as the migration orders them.
/// </summary>
internal static class MigrationLoad
{
    public const string Prefix = "migrate-";
    public const int GroupSize = 10;
    private const string Namespace = "bench.migration";

    public static string Subject(int i) => $"{Prefix}{i:000000}-value";

    /// <summary>Whether subject <paramref name="i"/> is the shared type of its group.</summary>
    public static bool IsShared(int i) => (i - 1) % GroupSize == 0;

    /// <summary>The shared subject of the group of subject <paramref name="i"/>.</summary>
    public static int SharedOf(int i) => i - ((i - 1) % GroupSize);

    /// <summary>
    /// Registers N subjects × V versions in the source: the shared types first, then their referrers (subjects in
    /// parallel, versions in order). Version k adds a long field with a default, a BACKWARD-compatible step.
    /// </summary>
    public static async Task<TimeSpan> RegisterAsync(HttpClient http, int count, int versions, int parallel)
    {
        var started = Stopwatch.GetTimestamp();
        var all = Enumerable.Range(1, count).ToList();
        foreach (var wave in new[] { all.Where(IsShared), all.Where(i => !IsShared(i)) })
        {
            await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, token) =>
            {
                for (var k = 1; k <= versions; k++)
                {
                    var (schema, references) = Version(i, k);
                    using var response = await http.PostAsJsonAsync($"subjects/{Subject(i)}/versions", new JsonObject { ["schema"] = schema, ["references"] = references }, token);
                    await EnsureAsync(response, token);
                }
            });
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// The yardstick: the minimal requests a correct IMPORT copy of <paramref name="source"/> needs, into an empty
    /// registry, with a plain HttpClient: per subject <c>PUT /mode/{s}?force=true</c> IMPORT, each version's
    /// <c>POST /subjects/{s}/versions</c> with its id, version, type and references, then <c>DELETE /mode/{s}</c>.
    /// Subjects without references go first (a wave), then the rest; every answer's id and version are checked.
    /// </summary>
    public static async Task<TimeSpan> ImportAsync(HttpClient http, VersionListing source, int parallel)
    {
        var subjects = source.All.ToList();
        var referenced = subjects.Where(s => s.Versions.All(v => v.References == "[]")).ToList();
        var referrers = subjects.Where(s => s.Versions.Any(v => v.References != "[]")).ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var wave in new[] { referenced, referrers })
        {
            await Parallel.ForEachAsync(wave, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, token) =>
            {
                var (subject, versions) = item;
                using (var mode = await http.PutAsJsonAsync($"mode/{subject}?force=true", new { mode = "IMPORT" }, token))
                {
                    await EnsureAsync(mode, token);
                }

                foreach (var version in versions)
                {
                    var body = new JsonObject
                    {
                        ["schema"] = version.Schema,
                        ["schemaType"] = version.SchemaType,
                        ["references"] = JsonNode.Parse(version.References),
                        ["id"] = version.Id,
                        ["version"] = version.Version,
                    };
                    using var registered = await http.PostAsJsonAsync($"subjects/{subject}/versions", body, token);
                    var answer = JsonNode.Parse(await EnsureAsync(registered, token));
                    if (answer.Int("id") != version.Id || (answer?["version"] is not null && answer.Int("version") != version.Version))
                    {
                        throw new InvalidOperationException($"yardstick: {subject} version {version.Version} id {version.Id} was registered as {answer?.ToJsonString()}");
                    }
                }

                using var back = await http.DeleteAsync($"mode/{subject}", token);
                await EnsureAsync(back, token);
            });
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static (string Schema, JsonArray References) Version(int i, int k)
    {
        var added = Enumerable.Range(1, k - 1).Select(n => $$""",{"name":"f{{n}}","type":"long","default":0}""");
        if (IsShared(i))
        {
            return ($$"""{"type":"record","name":"Shared{{i}}","namespace":"{{Namespace}}","fields":[{"name":"id","type":"string"}{{string.Concat(added)}}]}""", []);
        }

        var shared = $"{Namespace}.Shared{SharedOf(i)}";
        var schema = $$"""{"type":"record","name":"Migrate{{i}}","namespace":"{{Namespace}}","fields":[{"name":"id","type":"string"},{"name":"shared","type":"{{shared}}"}{{string.Concat(added)}}]}""";
        return (schema, [new JsonObject { ["name"] = shared, ["subject"] = Subject(SharedOf(i)), ["version"] = k }]);
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response, CancellationToken token)
    {
        var body = await response.Content.ReadAsStringAsync(token);
        return response.IsSuccessStatusCode
            ? body
            : throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
    }
}
