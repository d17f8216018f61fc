using System.Net;
using System.Net.Sockets;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The standalone Sandbox registry (<c>--empty</c>, <c>--request-counts</c> for <see cref="RequestCounts"/>) as a child
/// process on a free loopback port.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private SandboxProcess(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
    }

    public ChildProcess Process { get; }

    public Uri Url { get; }

    /// <param name="faultsEndpoint">Also serve <c>/_sandbox/faults</c> (<c>--faults-endpoint</c>), for <see cref="SandboxFaults"/>.</param>
    public static async Task<SandboxProcess> StartAsync(string sandboxDll, bool faultsEndpoint = false)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        string[] arguments = [sandboxDll, "--urls", url.ToString().TrimEnd('/'), "--empty", "--request-counts", .. faultsEndpoint ? ["--faults-endpoint"] : Array.Empty<string>()];
        var process = ChildProcess.Start("dotnet", arguments, new Dictionary<string, string>(), drainStdout: true);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("subjects", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return new SandboxProcess(process, url);
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !deadline.IsCancellationRequested))
            {
                // Not listening yet, or too busy starting to answer within 2 s.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                await process.DisposeAsync();
                throw new TimeoutException($"the Sandbox did not answer on {url} within 60 s; stderr:\n{process.StderrTail}");
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>Kills it: the standalone Sandbox runs until a signal, and keeps nothing worth a clean stop.</summary>
    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
