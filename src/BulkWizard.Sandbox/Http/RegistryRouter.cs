namespace BulkWizard.Sandbox.Http;

/// <summary>Finds the route for decoded path segments: 404 when no template matches, 405 when only the method differs.</summary>
internal sealed class RegistryRouter(IReadOnlyList<RouteDefinition> routes)
{
    public (RouteDefinition Route, Dictionary<string, string> Values) Match(string method, IReadOnlyList<string> segments)
    {
        var pathMatched = false;
        foreach (var route in routes)
        {
            if (route.Match(segments) is not { } values)
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return (route, values);
            }

            pathMatched = true;
        }

        throw pathMatched ? RegistryErrors.MethodNotAllowed() : RegistryErrors.NotFound();
    }
}
