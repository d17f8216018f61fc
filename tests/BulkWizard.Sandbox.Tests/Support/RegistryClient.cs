using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>Raw HTTP against a Sandbox, as a registry client would send it; no retries, no caching.</summary>
public sealed class RegistryClient(HttpClient http)
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<ApiResponse> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body.ToJsonString());

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string contentType = MediaType)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            json = null;
        }

        return new ApiResponse(response.StatusCode, text, json, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.ToString());
    }

    /// <summary>Registers and asserts success; returns (id, version) read back from the registry.</summary>
    public async Task<int> RegisterAsync(string subject, string schema, JsonObject? extra = null)
    {
        var body = new JsonObject { ["schema"] = schema };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        var response = await PostAsync($"subjects/{Uri.EscapeDataString(subject)}/versions", body);
        Assert.True(response.Code == 200, $"register {subject}: {response.Code} {response.Text}");
        return response.Number("id");
    }
}
