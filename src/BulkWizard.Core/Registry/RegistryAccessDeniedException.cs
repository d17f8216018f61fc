using System.Net;
using Confluent.SchemaRegistry;

namespace BulkWizard.Core.Registry;

/// <summary>
/// The registry answered 401 or 403. Callers stop a whole run on it: no later request with the same
/// credentials can do better.
/// </summary>
public sealed class RegistryAccessDeniedException(string registryName, string message, HttpStatusCode status, int errorCode)
    : SchemaRegistryException($"Registry '{registryName}' denied access ({(int)status}): {message}", status, errorCode)
{
    public string RegistryName { get; } = registryName;

    /// <summary>True for 401 (credentials missing or wrong), false for 403 (not allowed).</summary>
    public bool IsUnauthenticated => Status == HttpStatusCode.Unauthorized;
}
