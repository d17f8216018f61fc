using System.Net;
using System.Net.Sockets;

namespace BulkWizard.Registry.Tests.Support;

/// <summary>
/// A loopback address that black-holes connections, as a firewall that drops packets does: a socket listens with the
/// smallest backlog and never accepts, and its accept queue is filled, so the kernel drops every further handshake and
/// a client's connect neither succeeds nor fails. Hermetic: nothing leaves the machine.
/// </summary>
internal sealed class BlackHoleListener : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _queued = [];

    private BlackHoleListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Fills the accept queue until a connect is left hanging, which proves the next ones will hang too.</summary>
    public static async Task<BlackHoleListener> StartAsync()
    {
        var hole = new BlackHoleListener();
        for (var i = 0; i < 64; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var wait = new CancellationTokenSource(Settle);
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, hole.Port, wait.Token);
                hole._queued.Add(client);
            }
            catch (OperationCanceledException)
            {
                client.Dispose();
                return hole;
            }
        }

        hole.Dispose();
        throw new InvalidOperationException("The accept queue never filled: connects to the listener kept succeeding.");
    }

    public void Dispose()
    {
        _queued.ForEach(s => s.Dispose());
        _listener.Dispose();
    }
}
