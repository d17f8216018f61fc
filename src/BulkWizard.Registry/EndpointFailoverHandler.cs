using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry;

/// <summary>
/// Sends each attempt to the preferred registry URL and moves to the next one only when the connection
/// could not be made, so the request cannot have reached a registry and repeating it elsewhere is safe.
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
            catch (HttpRequestException e) when (IsConnectFailure(e) && tried + 1 < endpoints.Count)
            {
                logger.EndpointUnreachable(registryName, endpoints.DisplayBase(index), endpoints.DisplayBase((index + 1) % endpoints.Count), e.HttpRequestError);
            }
        }
    }

    /// <summary>Failures before a connection existed: nothing was sent.</summary>
    internal static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
