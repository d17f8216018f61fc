using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// <c>/_sandbox/faults</c>: <c>GET</c> the state, <c>PUT</c> a <see cref="FaultOptions"/> body to arm it, <c>DELETE</c>
/// to disarm. Each answers <c>{"armed": bool, "options": {…}, "injected": {"error": n, …}}</c>; a body that is not
/// valid options is refused with the registry's error shape (400 unreadable, 422 invalid). Its own requests meet no
/// fault and are not counted; every other request goes on to the registry.
/// </summary>
internal sealed class FaultsEndpoint(FaultInjector faults)
{
    public const string Path = "/_sandbox/faults";

    public async Task HandleAsync(HttpContext http, RequestDelegate next)
    {
        if (!string.Equals(http.Request.Path.Value, Path, StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        var method = http.Request.Method;
        if (HttpMethods.IsPut(method))
        {
            if (await ReadOptionsAsync(http) is not { } options)
            {
                return;
            }

            faults.Arm(options);
        }
        else if (HttpMethods.IsDelete(method))
        {
            faults.Disarm();
        }
        else if (!HttpMethods.IsGet(method))
        {
            await AnswerAsync(http, 405, Error(405, "HTTP 405 Method Not Allowed"));
            return;
        }

        await AnswerAsync(http, 200, State());
    }

    /// <summary>The options in the body, or null once the refusal was answered.</summary>
    private static async Task<FaultOptions?> ReadOptionsAsync(HttpContext http)
    {
        FaultOptions? options;
        try
        {
            options = await JsonSerializer.DeserializeAsync<FaultOptions>(http.Request.Body, FaultsJson.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            await AnswerAsync(http, 400, Error(400, $"Unreadable fault options: {e.Message}"));
            return null;
        }

        if (options?.Validate() is { } problem)
        {
            await AnswerAsync(http, 422, Error(422, problem));
            return null;
        }

        if (options is null)
        {
            await AnswerAsync(http, 400, Error(400, "Request body is missing"));
        }

        return options;
    }

    private JsonObject State()
    {
        var injected = new JsonObject();
        foreach (var (kind, count) in faults.Injected)
        {
            injected[JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())] = count;
        }

        return new JsonObject
        {
            ["armed"] = faults.IsArmed,
            ["options"] = faults.Options is { } options ? JsonSerializer.SerializeToNode(options, FaultsJson.Options) : null,
            ["injected"] = injected,
        };
    }

    private static JsonObject Error(int code, string message) => new() { ["error_code"] = code, ["message"] = message };

    private static async Task AnswerAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
