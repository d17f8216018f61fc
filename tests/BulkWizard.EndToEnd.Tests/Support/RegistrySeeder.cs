using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>Puts a registry into a known state with plain REST calls, independent of the product's gateway.</summary>
public sealed class RegistrySeeder(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public static string AvroRecord(string name, params string[] fields) =>
        new JsonObject
        {
            ["type"] = "record",
            ["name"] = name,
            ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f, ["type"] = "string", ["default"] = "" })]),
        }.ToJsonString();

    public async Task<int> RegisterAsync(string subject, string schema)
    {
        var response = await _http.PostAsJsonAsync($"subjects/{Uri.EscapeDataString(subject)}/versions", new { schema });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }

    /// <summary>Registers a schema referencing <paramref name="referencedSubject"/> version <paramref name="version"/> under <paramref name="name"/>.</summary>
    public async Task<int> RegisterWithReferenceAsync(string subject, string schema, string name, string referencedSubject, int version)
    {
        var references = new[] { new { name, subject = referencedSubject, version } };
        var response = await _http.PostAsJsonAsync($"subjects/{Uri.EscapeDataString(subject)}/versions", new { schema, references });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }

    /// <summary>Registers a version with the id and version number given, switching the subject to IMPORT first (allowed while it has no live version, or is in IMPORT already).</summary>
    public async Task ImportAsync(string subject, string schema, int id, int version, string? referenceName = null, string? referencedSubject = null, int referencedVersion = 1)
    {
        await SetModeAsync(subject, "IMPORT");
        var body = new JsonObject { ["schema"] = schema, ["id"] = id, ["version"] = version };
        if (referenceName is not null)
        {
            body["references"] = new JsonArray(new JsonObject { ["name"] = referenceName, ["subject"] = referencedSubject, ["version"] = referencedVersion });
        }

        var response = await _http.PostAsync($"subjects/{Uri.EscapeDataString(subject)}/versions", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public async Task DeleteVersionAsync(string subject, int version) =>
        (await _http.DeleteAsync($"subjects/{Uri.EscapeDataString(subject)}/versions/{version}")).EnsureSuccessStatusCode();

    public async Task DeleteVersionPermanentlyAsync(string subject, int version)
    {
        await DeleteVersionAsync(subject, version);
        (await _http.DeleteAsync($"subjects/{Uri.EscapeDataString(subject)}/versions/{version}?permanent=true")).EnsureSuccessStatusCode();
    }

    public async Task DeleteSubjectAsync(string subject) =>
        (await _http.DeleteAsync($"subjects/{Uri.EscapeDataString(subject)}")).EnsureSuccessStatusCode();

    /// <summary>Soft-deletes the subject's live versions, then deletes every version permanently.</summary>
    public async Task DeleteSubjectPermanentlyAsync(string subject) =>
        (await _http.DeleteAsync($"subjects/{Uri.EscapeDataString(subject)}?permanent=true")).EnsureSuccessStatusCode();

    public async Task SetCompatibilityAsync(string subject, string level) =>
        (await _http.PutAsJsonAsync($"config/{Uri.EscapeDataString(subject)}", new { compatibility = level })).EnsureSuccessStatusCode();

    public async Task PutConfigAsync(string subject, JsonObject config) =>
        (await _http.PutAsync($"config/{Uri.EscapeDataString(subject)}", new StringContent(config.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

    /// <summary>GET a path of the registry as JSON (null on 404).</summary>
    public async Task<JsonNode?> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task SetModeAsync(string subject, string mode) =>
        (await _http.PutAsJsonAsync($"mode/{Uri.EscapeDataString(subject)}", new { mode })).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();
}
