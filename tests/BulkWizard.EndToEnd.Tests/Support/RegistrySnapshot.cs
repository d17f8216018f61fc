using System.Net;
using System.Text.Json.Nodes;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// The whole observable state of a registry, read with plain REST calls: contexts; for every subject of every
/// context (soft-deleted included) each version's id, version, type, schema, references, metadata, rule set and
/// deleted flag; subject, context and global config and mode read without <c>defaultToGlobal</c>. Equality ignores only <c>ts</c>.
/// </summary>
public sealed class RegistrySnapshot
{
    private static readonly string[] RegistryScopes = [":.:", ":.__GLOBAL:"];

    private RegistrySnapshot(JsonObject state) => State = state;

    public JsonObject State { get; }

    public static async Task<RegistrySnapshot> TakeAsync(Uri registry)
    {
        using var http = new HttpClient { BaseAddress = registry };
        var state = new JsonObject();
        var contexts = (await GetAsync(http, "contexts"))!.AsArray();
        state["contexts"] = contexts.DeepClone();
        foreach (var scope in RegistryScopes.Concat(contexts.Select(c => $":{c}:")).Distinct())
        {
            state[$"config {scope}"] = await GetAsync(http, $"config/{Uri.EscapeDataString(scope)}");
            state[$"mode {scope}"] = await GetAsync(http, $"mode/{Uri.EscapeDataString(scope)}");
        }

        foreach (var subject in (await GetAsync(http, "subjects?subjectPrefix=:*:&deleted=true"))!.AsArray().Select(s => s!.GetValue<string>()))
        {
            var path = Uri.EscapeDataString(subject);
            var versions = new JsonArray();
            foreach (var version in (await GetAsync(http, $"subjects/{path}/versions?deleted=true"))!.AsArray())
            {
                var body = (await GetAsync(http, $"subjects/{path}/versions/{version}?deleted=true"))!.AsObject();
                body.Remove("ts");
                versions.Add(body);
            }

            state[subject] = new JsonObject
            {
                ["versions"] = versions,
                ["config"] = await GetAsync(http, $"config/{path}"),
                ["mode"] = await GetAsync(http, $"mode/{path}"),
            };
        }

        return new RegistrySnapshot(state);
    }

    public JsonObject? Subject(string name) => State[name] as JsonObject;

    /// <summary>The top-level entries (subjects, scopes) whose state differs between the two snapshots.</summary>
    public IReadOnlyList<string> DifferencesFrom(RegistrySnapshot other) =>
        [.. State.Select(p => p.Key).Union(other.State.Select(p => p.Key)).Where(k => !JsonNode.DeepEquals(State[k], other.State[k])).Order(StringComparer.Ordinal)];

    private static async Task<JsonNode?> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }
}
