using Microsoft.Extensions.Logging;

namespace BulkWizard.Sandbox.Hosting;

/// <summary>
/// Sends the embedded web host's logs to the embedding application's logger factory, so nothing
/// reaches a console the host would have opened (the MCP server keeps stdout for JSON-RPC).
/// Disposing it leaves the borrowed factory alone.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
