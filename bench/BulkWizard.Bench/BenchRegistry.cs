using System.Net.Http.Json;
using BulkWizard.Core.Registry;
using BulkWizard.Registry;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Bench;

/// <summary>A Sandbox on loopback and the production gateway over it.</summary>
internal sealed class BenchRegistry : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchRegistry(SandboxRegistry sandbox)
    {
        Sandbox = sandbox;
        var services = new ServiceCollection();
        services.AddRegistryGateways([new RegistryOptions { Name = "bench", Url = sandbox.BaseAddress.ToString() }]);
        _services = services.BuildServiceProvider();
        Gateway = _services.GetRequiredService<IRegistryGatewayProvider>().Get(null);
    }

    public SandboxRegistry Sandbox { get; }

    public IRegistryGateway Gateway { get; }

    public static async Task<BenchRegistry> StartAsync(bool demoData, TimeSpan latency) =>
        new(await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = demoData, ResponseDelay = latency }));

    /// <summary>Registers <paramref name="count"/> subjects <c>bench-00001-value</c>… with one small Avro record each.</summary>
    public async Task GenerateAsync(int count)
    {
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            var schema = $$"""{"type":"record","name":"Bench{{i}}","fields":[{"name":"id","type":"string"}]}""";
            using var response = await http.PostAsJsonAsync($"subjects/bench-{i:00000}-value/versions", new { schema }, token);
            response.EnsureSuccessStatusCode();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
