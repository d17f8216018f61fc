using System.Net;
using System.Text.Json;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Wire;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry;

/// <summary>Turns a registry's error answer into the exception callers handle.</summary>
internal static class RegistryErrors
{
    private const int MaxQuotedBody = 200;

    /// <summary>
    /// A <see cref="SchemaRegistryException"/> with the status and the registry's <c>error_code</c> (the status
    /// itself when the body is not the registry's, e.g. a proxy's page); 401 and 403 as <see cref="RegistryAccessDeniedException"/>.
    /// </summary>
    public static async Task<SchemaRegistryException> ReadAsync(HttpResponseMessage response, string registryName, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (errorCode, message) = Parse(body, response);
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new RegistryAccessDeniedException(registryName, message, response.StatusCode, errorCode)
            : new SchemaRegistryException($"Registry '{registryName}': {message}", response.StatusCode, errorCode);
    }

    private static (int ErrorCode, string Message) Parse(string body, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            if (JsonSerializer.Deserialize<WireError>(body, RegistryJson.Options) is { } error && (error.ErrorCode is not null || error.Message is not null))
            {
                return (error.ErrorCode ?? status, error.Message ?? response.ReasonPhrase ?? "");
            }
        }
        catch (JsonException)
        {
            // Not the registry's error body; fall through to the status.
        }

        var quoted = body.Length > MaxQuotedBody ? body[..MaxQuotedBody] + "…" : body;
        return (status, $"HTTP {status} {response.ReasonPhrase} {quoted}".TrimEnd());
    }
}
