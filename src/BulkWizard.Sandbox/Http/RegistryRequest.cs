using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace BulkWizard.Sandbox.Http;

/// <summary>A request after context and alias rewriting: route values are URL-decoded path segments.</summary>
internal sealed class RegistryRequest(
    string method,
    IReadOnlyDictionary<string, string> routeValues,
    Dictionary<string, StringValues> query,
    JsonNode? body)
{
    public string Method { get; } = method;

    public JsonNode? Body { get; } = body;

    public IReadOnlyDictionary<string, StringValues> Query => query;

    public string Route(string name) => routeValues[name];

    public string? Param(string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Query booleans are false unless the value is "true" (any case), as in JAX-RS.</summary>
    public bool Flag(string name) => string.Equals(Param(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An integer query value; one that does not convert is a 404, as JAX-RS answers it.</summary>
    public int Int(string name, int fallback)
    {
        var text = Param(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw RegistryErrors.NotFound();
    }

    /// <summary>The body as an object; any other JSON shape is an unprocessable entity.</summary>
    public JsonObject BodyObject() =>
        Body as JsonObject ?? throw RegistryErrors.Unprocessable("Unrecognized request body: a JSON object is expected");
}
