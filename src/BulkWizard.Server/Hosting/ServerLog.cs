using Microsoft.Extensions.Logging;

namespace BulkWizard.Server.Hosting;

internal static partial class ServerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No registry is configured: using the embedded Sandbox registry at {Address} with demo data. Set SCHEMA_REGISTRY_URL or BulkWizard:Registries to use a real one.")]
    public static partial void SandboxStarted(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Critical, Message = "No registry is configured and the embedded Sandbox registry did not start; the server stops.")]
    public static partial void SandboxFailed(ILogger logger, Exception exception);
}
