using System.Diagnostics;
using BulkWizard.Core.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Registry.Tests.Support;

/// <summary>
/// A gateway wired exactly as in production (DI, named client, retry layer, failover) over a fake network
/// and a fake clock that <see cref="RunAsync{T}"/> moves forward, so backoffs and timeouts cost no real time.
/// </summary>
internal sealed class GatewayHarness : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private readonly ServiceProvider _services;

    public GatewayHarness(Action<RegistryOptions>? configure = null, Action<RegistryResilienceOptions>? resilience = null)
    {
        Handler = new FakeRegistryHandler(Time);
        Options = new RegistryOptions { Name = "prod", Url = "http://registry.test:8081", RequestTimeoutSeconds = 10 };
        configure?.Invoke(Options);

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddRegistryGateways([Options], resilience);
        services.AddHttpClient(RegistryServiceCollectionExtensions.HttpClientName(Options)).ConfigurePrimaryHttpMessageHandler(() => Handler);
        _services = services.BuildServiceProvider();
        Provider = _services.GetRequiredService<IRegistryGatewayProvider>();
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeRegistryHandler Handler { get; }

    public RegistryOptions Options { get; }

    public IRegistryGatewayProvider Provider { get; }

    public IRegistryGateway Gateway => Provider.Get(null);

    /// <summary>Runs a gateway call, advancing the fake clock until it completes.</summary>
    public async Task<T> RunAsync<T>(Func<IRegistryGateway, Task<T>> call)
    {
        var task = call(Gateway);
        var realTime = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (realTime.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The gateway call did not finish within 30 s of real time.");
            }

            try
            {
                // Lets the call's continuations run before the clock moves again.
                await task.WaitAsync(TimeSpan.FromMilliseconds(1));
            }
            catch (TimeoutException)
            {
            }

            Time.Advance(Step);
        }

        return await task;
    }

    public Task RunAsync(Func<IRegistryGateway, Task> call) => RunAsync(async gateway =>
    {
        await call(gateway);
        return true;
    });

    public void Dispose() => _services.Dispose();
}
