using System.Collections;
using BulkWizard.Core.Registry;
using BulkWizard.Registry;
using BulkWizard.Sandbox;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// The Sandbox registry the server runs when no registry is configured. It starts in the background once the client has
/// its first answer, so that start-up does not wait for Kestrel and the demo data, or earlier if a registry call needs it;
/// registry calls wait until it listens. A failed start is logged and calls <c>onFailure</c>.
/// </summary>
internal sealed class EmbeddedSandbox(ILoggerFactory loggerFactory, Action onFailure) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("BulkWizard.Server");
    private readonly Lock _gate = new();
    private Task<SandboxRegistry>? _started;
    private volatile bool _failed;

    /// <summary>
    /// What both front ends do with the registries: when none is configured, the embedded Sandbox is added (and
    /// returned); in view-only mode every registry is read-only.
    /// </summary>
    public static EmbeddedSandbox? AddUnlessConfigured(
        BulkWizardOptions options, IConfiguration configuration, IDictionary environment, ILoggerFactory loggerFactory, Action onFailure)
    {
        var sandbox = ServerSettingsLoader.AnyRegistryConfigured(configuration, environment) ? null : new EmbeddedSandbox(loggerFactory, onFailure);
        if (sandbox is not null)
        {
            options.Registries.Add(sandbox.Registry);
        }

        foreach (var registry in options.Registries)
        {
            registry.ReadOnly |= options.ViewOnly;
        }

        return sandbox;
    }

    /// <summary>The registry named <c>sandbox</c>, the default; its URL is set once the Sandbox listens (on a free loopback port).</summary>
    public RegistryOptions Registry { get; } = new() { Name = ServerProgram.SandboxRegistryName, Default = true };

    /// <summary>The registry for <see cref="RegistryServiceCollectionExtensions.AddRegistryGateways"/>: its gateway waits for the Sandbox.</summary>
    public PendingRegistry Pending => new(Registry, WhenStartedAsync);

    public bool Failed => _failed;

    /// <summary>Starts the Sandbox after each answer to the client is sent (after the first, it is started or starting).</summary>
    public McpMessageFilter StartAfterAnswer => next => async (context, cancellationToken) =>
    {
        await next(context, cancellationToken);
        if (context.JsonRpcMessage is JsonRpcResponse or JsonRpcError)
        {
            _ = Started();
        }
    };

    public Task WhenStartedAsync(CancellationToken cancellationToken) => Started().WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Task<SandboxRegistry>? started;
        lock (_gate)
        {
            started = _started;
        }

        if (started is null)
        {
            return;
        }

        SandboxRegistry sandbox;
        try
        {
            sandbox = await started;
        }
        catch (Exception)
        {
            // Logged when it failed; there is nothing to stop.
            return;
        }

        await sandbox.DisposeAsync();
    }

    private Task<SandboxRegistry> Started()
    {
        lock (_gate)
        {
            return _started ??= Task.Run(StartAsync);
        }
    }

    private async Task<SandboxRegistry> StartAsync()
    {
        try
        {
            var sandbox = await SandboxRegistry.StartAsync(new SandboxOptions(), loggerFactory);
            Registry.Url = sandbox.BaseAddress.ToString();
            ServerLog.SandboxStarted(_logger, sandbox.BaseAddress);
            return sandbox;
        }
        catch (Exception e)
        {
            ServerLog.SandboxFailed(_logger, e);
            _failed = true;
            onFailure();
            throw;
        }
    }
}
