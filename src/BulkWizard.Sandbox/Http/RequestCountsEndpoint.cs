using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BulkWizard.Sandbox.Http;

/// <summary>
/// <c>GET /_sandbox/requests</c>: <c>{"total": n, "routes": {"GET /subjects": n, …}}</c>, the requests served so far
/// (this one not counted). Every other request goes on to the registry.
/// </summary>
internal sealed class RequestCountsEndpoint(SandboxRequestStats stats)
{
    public const string Path = "/_sandbox/requests";

    public async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || !string.Equals(http.Request.Path.Value, Path, StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var routes = new JsonObject();
        foreach (var (route, count) in stats.Snapshot().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            routes[route] = count;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["total"] = stats.Total, ["routes"] = routes }.ToJsonString(), http.RequestAborted);
    }
}
