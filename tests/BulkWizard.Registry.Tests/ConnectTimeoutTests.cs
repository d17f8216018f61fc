using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Registry.Tests;

/// <summary>
/// A first URL that black-holes connections, over real sockets: the gateway gives it up after its own connect timeout
/// and is answered by the second URL. The request timeout is far longer than the test lets the call run, so the call
/// can only succeed through the connect timeout.
/// </summary>
public sealed class ConnectTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(30);
    private SandboxRegistry _sandbox = null!;
    private BlackHoleListener _hole = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _hole = await BlackHoleListener.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _hole.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task FirstUrlBlackHoled_ConnectTimesOut_TheSecondUrlAnswers_AndIsKeptForTheNextCall()
    {
        await using var services = Gateways($"{_hole.Url},{_sandbox.BaseAddress}");
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get("lab");
        using var deadline = new CancellationTokenSource(TestDeadline);

        var first = await gateway.ListContextsAsync(deadline.Token);
        _sandbox.Requests.Reset();
        var second = await gateway.ListContextsAsync(deadline.Token);

        Assert.Equal(["."], first);
        Assert.Equal(["."], second);
        Assert.Equal(1, _sandbox.Requests.Get("GET /contexts"));
    }

    [Fact]
    public async Task OnlyUrlBlackHoled_FailsAsAConnectionError_NothingSent_BeforeTheRequestTimeout()
    {
        await using var services = Gateways(_hole.Url, retries: 0);
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get("lab");
        using var deadline = new CancellationTokenSource(TestDeadline);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => gateway.ListContextsAsync(deadline.Token));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.False(deadline.IsCancellationRequested);
    }

    /// <summary>A gateway over real sockets whose request timeout (5 minutes) the test never waits out; connect timeout 1 s.</summary>
    private static ServiceProvider Gateways(string urls, int retries = 3)
    {
        var services = new ServiceCollection();
        services.AddRegistryGateways(
            [new RegistryOptions { Name = "lab", Url = urls, RequestTimeoutSeconds = 300, ConnectTimeoutSeconds = 1 }],
            r => (r.MaxRetryAttempts, r.BaseDelay) = (retries, TimeSpan.FromMilliseconds(20)));
        return services.BuildServiceProvider();
    }
}
