using BulkWizard.Sandbox.Faults;
using BulkWizard.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Sandbox;

/// <summary>
/// A Confluent-compatible Schema Registry running in this process on Kestrel. Logs go only to the
/// given logger factory (nowhere when it is null); nothing is written to stdout.
/// </summary>
public sealed class SandboxRegistry : IAsyncDisposable
{
    private readonly WebApplication app;

    private SandboxRegistry(WebApplication app, SandboxOptions options, SandboxRequestStats requests, FaultInjector faults, Uri baseAddress)
    {
        this.app = app;
        Options = options;
        Requests = requests;
        Faults = faults;
        BaseAddress = baseAddress;
    }

    /// <summary>The address actually bound (the real port when the URL asked for port 0), ending with '/'.</summary>
    public Uri BaseAddress { get; }

    public SandboxOptions Options { get; }

    public SandboxRequestStats Requests { get; }

    /// <summary>Arms and disarms injected faults (<c>registry.Faults.Arm(new FaultOptions { … })</c>), and counts those injected.</summary>
    public FaultInjector Faults { get; }

    public static async Task<SandboxRegistry> StartAsync(
        SandboxOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requests = new SandboxRequestStats();
        var faults = new FaultInjector();
        if (options.Faults is { } armed)
        {
            faults.Arm(armed);
        }

        var app = SandboxHost.Build(options, loggerFactory, requests, faults);
        try
        {
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The Sandbox registry bound no address.");
            return new SandboxRegistry(app, options, requests, faults, new Uri(first.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Held requests would otherwise keep the server from stopping until their clients give up.
        Faults.Disarm();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
