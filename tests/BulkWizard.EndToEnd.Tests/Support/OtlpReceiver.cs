using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// A collector's OTLP/HTTP endpoint on loopback: it keeps each request's method, path and body (protobuf, whose
/// strings — metric, span and scope names — are stored as UTF-8 and so can be looked for in it) and answers 200.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Method, string Path, byte[] Body)> _requests = [];
    private readonly Task _serving;

    public OtlpReceiver()
    {
        var port = FreePort();
        BaseAddress = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseAddress + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string BaseAddress { get; }

    public IReadOnlyList<(string Method, string Path, byte[] Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The bodies posted to <paramref name="path"/>, as text in which the UTF-8 names can be found.</summary>
    public string BodiesAt(string path) =>
        string.Concat(Requests.Where(r => r.Method == "POST" && r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (_requests)
            {
                _requests.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body.ToArray()));
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
