using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Sandbox.Http;

/// <summary>
/// Every request: optional delay, raw path split (so encoded slashes stay inside a subject),
/// context-prefix rewrite, route match, the armed faults (<see cref="FaultStage"/>), media type and
/// JSON body checks, the handler, and the answer: JSON, bare text or {"error_code", "message"}.
/// Counts each request per route.
/// </summary>
internal sealed partial class RegistryPipeline(
    RegistryRouter router, SandboxRequestStats stats, TimeSpan delay, FaultInjector faults, ILogger<RegistryPipeline> logger)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task HandleAsync(HttpContext http)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, http.RequestAborted);
        }

        var method = http.Request.Method.ToUpperInvariant();
        var statsKey = method + " (unmatched)";
        var fault = FaultDecision.None;
        RegistryResponse response;
        try
        {
            var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
            var path = RequestPath.FromRawTarget(rawTarget, http.Request.Query);
            ContextPrefixRewriter.Rewrite(path);
            var (route, values) = router.Match(method, path.Segments);
            statsKey = route.StatsKey;
            fault = faults.Decide(method, route.Template, values.GetValueOrDefault("subject"));
            if (!await FaultStage.BeforeHandlingAsync(http, fault))
            {
                stats.Record(statsKey);
                return;
            }

            JsonNode? body = null;
            if (route.ReadsBody)
            {
                body = await ReadBodyAsync(http);
            }

            response = route.Handler(new RegistryRequest(method, values, path.Query, body));
        }
        catch (RegistryException ex)
        {
            response = Error(ex.Status, ex.ErrorCode, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailure(logger, ex, method, http.Request.Path.Value ?? "/");
            response = Error(500, 500, "Internal Server Error");
        }

        stats.Record(statsKey);
        if (FaultStage.AfterHandling(http, fault, out var dropped) is { } lost)
        {
            response = Error(lost.Status, lost.ErrorCode, lost.Message);
        }

        if (!dropped)
        {
            if (fault.RetryAfterSeconds is { } retryAfter && response.Status == StatusCodes.Status429TooManyRequests)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await WriteAsync(http, response);
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext http)
    {
        if (!MediaTypes.IsAccepted(http.Request.ContentType))
        {
            throw RegistryErrors.UnsupportedMediaType();
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw RegistryErrors.BadRequest("Request body is missing");
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw RegistryErrors.BadRequest($"Unexpected character in request body: {ex.Message}");
        }
    }

    private static RegistryResponse Error(int status, int code, string message) =>
        new(status, new JsonObject { ["error_code"] = code, ["message"] = message }, null);

    private static async Task WriteAsync(HttpContext http, RegistryResponse response)
    {
        http.Response.StatusCode = response.Status;
        if (response.Status == StatusCodes.Status204NoContent)
        {
            return;
        }

        http.Response.ContentType = MediaTypes.Negotiate(http.Request.Headers.Accept.ToString());
        var text = response.Text ?? (response.Json?.ToJsonString(Json) ?? "null");
        await http.Response.WriteAsync(text, Encoding.UTF8, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sandbox request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
