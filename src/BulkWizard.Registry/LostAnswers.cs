using System.Net;
using BulkWizard.Core.Registry;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;
using Polly.Timeout;

namespace BulkWizard.Registry;

/// <summary>Which failures of a write leave its outcome open, and which prove it never reached the registry.</summary>
internal static class LostAnswers
{
    /// <summary>
    /// The write may or may not have happened: a timeout, a broken connection, a 5xx or 408. A 4xx with an
    /// <c>error_code</c> is a definite refusal and not lost; neither is the caller's own cancellation.
    /// </summary>
    public static bool IsLost(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            RegistryAccessDeniedException => false,
            SchemaRegistryException e => (int)e.Status >= 500 || e.Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
            TimeoutRejectedException or HttpRequestException or IOException or OperationCanceledException => true,
            _ => false,
        };

    /// <summary>No connection could be made to any URL, or the registry turned the request away unprocessed (429).</summary>
    public static bool WasNotSent(Exception exception) => exception switch
    {
        // Confluent's exception derives from HttpRequestException, so it is matched first.
        SchemaRegistryException e => e.Status == HttpStatusCode.TooManyRequests,
        HttpRequestException e => EndpointFailoverHandler.IsConnectFailure(e),
        _ => false,
    };

    public static string Describe(Exception exception) => exception switch
    {
        SchemaRegistryException e => $"HTTP {(int)e.Status}, error code {e.ErrorCode}",
        HttpRequestException e => $"network failure ({e.HttpRequestError})",
        TimeoutRejectedException => "timeout",
        _ => exception.GetType().Name,
    };
}
