using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using Confluent.SchemaRegistry;
using ModelContextProtocol;

namespace BulkWizard.Server.Tools;

/// <summary>
/// Turns the failures a user can act on into <see cref="McpException"/>s, whose messages reach the client;
/// any other exception would become a generic error.
/// </summary>
internal static class ToolErrors
{
    public static async Task<T> GuardAsync<T>(string registry, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Describe(registry, e) is { } message)
        {
            throw new McpException(message, e);
        }
    }

    private static string? Describe(string registry, Exception e) => e switch
    {
        McpException => null,
        RegistryNotConfiguredException => $"registry: {e.Message}",
        RegistryReadOnlyException or RegistryWriteOutcomeException or RegistryAccessDeniedException
            or WizardInputException => e.Message,
        ArgumentException => e.Message,
        SchemaRegistryException sr => $"Registry '{registry}' refused the request: {sr.Message} (HTTP {(int)sr.Status}, error_code {sr.ErrorCode}).",
        HttpRequestException http => $"Registry '{registry}' could not be reached: {http.Message}",
        TaskCanceledException or TimeoutException => $"Registry '{registry}' did not answer in time.",
        _ => null,
    };
}
