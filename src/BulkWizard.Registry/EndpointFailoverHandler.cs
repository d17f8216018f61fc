using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry;

/// <summary>
/// Sends each attempt to the preferred registry URL and moves to the next one only when the connection
/// could not be made (refused, unresolvable, or not established within the registry's connect timeout), so the
/// request cannot have reached a registry and repeating it elsewhere is safe.
/// </summary>
internal sealed class EndpointFailoverHandler(string registryName, RegistryEndpoints endpoints, ILogger<EndpointFailoverHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RegistryRequestOptions.RelativeUri, out var relativeUri))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var first = endpoints.Preferred;
        for (var tried = 0; ; tried++)
        {
            var index = (first + tried) % endpoints.Count;
            request.RequestUri = endpoints.Resolve(index, relativeUri);
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                endpoints.MarkAnswered(index);
                return response;
            }
            catch (Exception e) when (AsConnectFailure(e, endpoints.DisplayBase(index), cancellationToken) is { } failure)
            {
                if (tried + 1 >= endpoints.Count)
                {
                    // Thrown as a connection error, so the retry layer and LostAnswers know nothing was sent.
                    if (ReferenceEquals(failure, e))
                    {
                        throw;
                    }

                    throw failure;
                }

                logger.EndpointUnreachable(registryName, endpoints.DisplayBase(index), endpoints.DisplayBase((index + 1) % endpoints.Count), failure.HttpRequestError);
            }
        }
    }

    /// <summary>Failures before a connection existed: nothing was sent.</summary>
    internal static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    /// <summary>
    /// The failure as a connect failure when no connection was made: a refused or unresolvable one as it is, and the
    /// socket handler's connect timeout (a cancellation carrying a <see cref="TimeoutException"/> while the caller's
    /// token is not cancelled) as a <see cref="HttpRequestError.ConnectionError"/>. Null for every other failure.
    /// </summary>
    private static HttpRequestException? AsConnectFailure(Exception exception, string url, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException e when IsConnectFailure(e) => e,
        OperationCanceledException { InnerException: TimeoutException } e when !cancellationToken.IsCancellationRequested =>
            new HttpRequestException(HttpRequestError.ConnectionError, $"No connection to {url} within the connect timeout.", e),
        _ => null,
    };
}
