using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry;

/// <summary>
/// Sends <see cref="RegistryCall"/>s through the registry's named <see cref="HttpClient"/> (auth, TLS, retry,
/// failover live in its handlers) and reads answers and errors. No caching.
/// </summary>
internal sealed class RegistryRestClient(
    string registryName,
    string httpClientName,
    IHttpClientFactory httpClientFactory,
    RegistryEndpoints endpoints,
    ILogger<RegistryRestClient> logger)
{
    public async Task<T> SendAsync<T>(RegistryCall call, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(call, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(stream, RegistryJson.Options, cancellationToken)
            ?? throw new SchemaRegistryException($"Registry '{registryName}': empty answer to {call.Method} {call.Path}", response.StatusCode, (int)response.StatusCode);
    }

    /// <summary>Like <see cref="SendAsync{T}"/>, but an error whose <c>error_code</c> is one of <paramref name="absentCodes"/> means "not there" and gives null.</summary>
    /// <remarks>
    /// "Not there" is an answer, not a failure: it is told apart without throwing, since a bulk read of subjects
    /// without a config of their own meets it once per subject.
    /// </remarks>
    public async Task<T?> SendOrAbsentAsync<T>(RegistryCall call, IReadOnlyCollection<int> absentCodes, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendUncheckedAsync(call, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ErrorOfAsync(response, call, cancellationToken);
            return error.Status == HttpStatusCode.NotFound && absentCodes.Contains(error.ErrorCode) ? null : throw error;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(stream, RegistryJson.Options, cancellationToken)
            ?? throw new SchemaRegistryException($"Registry '{registryName}': empty answer to {call.Method} {call.Path}", response.StatusCode, (int)response.StatusCode);
    }

    public async Task SendAsync(RegistryCall call, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(call, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(RegistryCall call, CancellationToken cancellationToken)
    {
        var response = await SendUncheckedAsync(call, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorOfAsync(response, call, cancellationToken);
        }
    }

    /// <summary>The registry's error as an exception (logged when access is denied), to throw or to tell apart.</summary>
    private async Task<SchemaRegistryException> ErrorOfAsync(HttpResponseMessage response, RegistryCall call, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            logger.AccessDenied(registryName, response.StatusCode, call.Method, call.Path.ToString());
        }

        return await RegistryErrors.ReadAsync(response, registryName, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendUncheckedAsync(RegistryCall call, CancellationToken cancellationToken)
    {
        var relativeUri = call.Path.ToString();
        using var request = new HttpRequestMessage(call.Method, endpoints.Resolve(endpoints.Preferred, relativeUri));
        request.Options.Set(RegistryRequestOptions.RelativeUri, relativeUri);
        request.Options.Set(RegistryRequestOptions.RetrySafe, call.RetrySafe);
        request.Options.Set(RegistryRequestOptions.Writes, call.Writes);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(call.Body, call.Body.GetType(), RegistryJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(RegistryJson.MediaType);
        }

        var client = httpClientFactory.CreateClient(httpClientName);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
