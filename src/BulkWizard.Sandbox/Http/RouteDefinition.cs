namespace BulkWizard.Sandbox.Http;

/// <summary>One endpoint: method, template ("/subjects/{subject}/versions"), and whether it reads a JSON body.</summary>
internal sealed record RouteDefinition(string Method, string Template, bool ReadsBody, Func<RegistryRequest, RegistryResponse> Handler)
{
    public string[] Segments { get; } = Template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The key under which <see cref="SandboxRequestStats"/> counts it.</summary>
    public string StatsKey => Method + " " + Template;

    public static RouteDefinition Get(string template, Func<RegistryRequest, RegistryResponse> handler) => new("GET", template, false, handler);

    public static RouteDefinition Post(string template, Func<RegistryRequest, RegistryResponse> handler) => new("POST", template, true, handler);

    public static RouteDefinition Put(string template, Func<RegistryRequest, RegistryResponse> handler) => new("PUT", template, true, handler);

    public static RouteDefinition Delete(string template, Func<RegistryRequest, RegistryResponse> handler) => new("DELETE", template, false, handler);

    /// <summary>Matches decoded path segments; "{name}" segments capture any value.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> path)
    {
        if (path.Count != Segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Segments.Length; i++)
        {
            var segment = Segments[i];
            if (segment[0] == '{')
            {
                values[segment[1..^1]] = path[i];
            }
            else if (!string.Equals(segment, path[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }
}
