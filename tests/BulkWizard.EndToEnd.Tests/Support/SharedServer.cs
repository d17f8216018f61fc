using System.Net;
using System.Net.Sockets;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// One Sandbox with demo data, one data directory and one connected server for the tests of a class that leave
/// the registry as they found it. A second registry, <c>offline</c>, is configured on a closed loopback port.
/// </summary>
public sealed class SharedServer : IAsyncLifetime
{
    private readonly int _closedPort = ClosedPort();

    public WizardHarness Harness { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    public Dictionary<string, string> Settings
    {
        get
        {
            var settings = Harness.Settings;
            settings["SCHEMA_REGISTRY_NAME_1"] = "offline";
            settings["SCHEMA_REGISTRY_URL_1"] = $"http://127.0.0.1:{_closedPort}";
            return settings;
        }
    }

    public async Task InitializeAsync()
    {
        Harness = await WizardHarness.StartAsync();
        Client = await ServerLauncher.ConnectAsync(Settings);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Harness.DisposeAsync();
    }

    /// <summary>A port that was free a moment ago and has nothing listening now: connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
