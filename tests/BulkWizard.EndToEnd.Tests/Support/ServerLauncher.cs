using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>Starts the real server executable as a child process, the way an MCP client does.</summary>
public static class ServerLauncher
{
    /// <summary>The built server next to the test assembly (the test project references it).</summary>
    public static string ServerDll { get; } = Path.Combine(AppContext.BaseDirectory, "BulkWizard.Server.dll");

    /// <summary>
    /// Variables that would make the child pick up the developer's own registry (or telemetry collector) are blanked, so the
    /// process sees only what a test gives it.
    /// </summary>
    public static Dictionary<string, string?> IsolatedEnvironment(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("SCHEMA_REGISTRY_", StringComparison.Ordinal) || name.StartsWith("BulkWizard__", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VIEWONLY", StringComparison.Ordinal) || name.StartsWith("READONLY", StringComparison.Ordinal)
                || name.StartsWith("OTEL_", StringComparison.Ordinal))
            {
                environment[name] = null;
            }
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>A client that shows forms: the script answers them.</summary>
    public static Task<McpClient> ConnectWithFormsAsync(IReadOnlyDictionary<string, string> settings, string? protocolVersion, ElicitationScript script) =>
        ConnectAsync(settings, protocolVersion, new McpClientHandlers { ElicitationHandler = script.HandleAsync }, withForms: true);

    /// <summary>
    /// A client whose every tool result is checked against the tool's declared output schema, as clients built on
    /// the TypeScript SDK check it: a result they would refuse fails the call.
    /// </summary>
    public static Task<McpClient> ConnectAsync(
        IReadOnlyDictionary<string, string>? settings = null, string? protocolVersion = null, McpClientHandlers? handlers = null, bool withForms = false) =>
        ConnectToCommandAsync("dotnet", [ServerDll], settings, protocolVersion, handlers, withForms);

    /// <summary>The same client, to a server started by another command (an installed tool's <c>bulkwizard</c>).</summary>
    public static async Task<McpClient> ConnectToCommandAsync(
        string command, IList<string> arguments, IReadOnlyDictionary<string, string>? settings = null, string? protocolVersion = null,
        McpClientHandlers? handlers = null, bool withForms = false)
    {
        var transport = new ValidatingClientTransport(
            new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "bulkwizard",
                Command = command,
                Arguments = arguments,
                EnvironmentVariables = IsolatedEnvironment(settings),
            }),
            protocolVersion);
        var options = new McpClientOptions
        {
            ProtocolVersion = protocolVersion,
            Handlers = handlers ?? new McpClientHandlers(),
            Capabilities = withForms ? new ClientCapabilities { Elicitation = new ElicitationCapability { Form = new FormElicitationCapability() } } : new ClientCapabilities(),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await McpClient.CreateAsync(transport, options, cancellationToken: timeout.Token);
    }
}
