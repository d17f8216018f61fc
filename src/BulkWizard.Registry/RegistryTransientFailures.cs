using System.Net;
using System.Text.Json;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Wire;
using Polly;
using Polly.Timeout;

namespace BulkWizard.Registry;

/// <summary>
/// Decides what the retry layer may repeat: only requests marked retry-safe, and only on 408, 429, 500,
/// 502, 503, 504, a 5xx carrying the registry's transient codes 50001-50004, a timeout, or a network failure.
/// Every other answer is final.
/// </summary>
internal static class RegistryTransientFailures
{
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        if (request is null || !request.Options.TryGetValue(RegistryRequestOptions.RetrySafe, out var retrySafe) || !retrySafe)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return IsTransient(outcome.Exception) && !context.CancellationToken.IsCancellationRequested;
        }

        return outcome.Result is { } response && await IsTransientAsync(response, context.CancellationToken);
    }

    public static bool IsTransient(Exception exception) =>
        exception is TimeoutRejectedException or HttpRequestException or IOException;

    public static bool IsTransientStatus(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static async ValueTask<bool> IsTransientAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (IsTransientStatus(response.StatusCode))
        {
            return true;
        }

        return (int)response.StatusCode >= 500 && RegistryErrorCodes.IsTransient(await ReadErrorCodeAsync(response, cancellationToken));
    }

    /// <summary>The registry's <c>error_code</c> in the body, 0 when the body is not the registry's error.</summary>
    public static async ValueTask<int> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Buffered, so the gateway can still read the body when this answer is final.
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return JsonSerializer.Deserialize<WireError>(body, RegistryJson.Options) is { ErrorCode: { } code } ? code : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
