using BulkWizard.Core.Registry;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Registry.Tests;

/// <summary>A registry whose URL is known only once it is up (the embedded Sandbox): its gateway waits for it.</summary>
public sealed class PendingRegistryTests
{
    [Fact]
    public async Task Gateway_PendingRegistry_WaitsUntilReadyThenUsesTheUrlSetThen()
    {
        await using var sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        var registry = new RegistryOptions { Name = "later" };
        var ready = new TaskCompletionSource();
        await using var services = Provider(registry, cancellationToken => ready.Task.WaitAsync(cancellationToken));
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get(null);

        var listing = gateway.ListSubjectsAsync(new SubjectQuery(), CancellationToken.None);
        Assert.False(listing.IsCompleted);
        registry.Url = sandbox.BaseAddress.ToString();
        ready.SetResult();

        Assert.Empty(await listing);
        Assert.Equal(1, sandbox.Requests.Total);
        Assert.Equal("later", gateway.Registry.Name);
    }

    [Fact]
    public async Task Gateway_PendingRegistryFails_EveryCallFailsWithItsError()
    {
        var registry = new RegistryOptions { Name = "never" };
        await using var services = Provider(registry, _ => Task.FromException(new InvalidOperationException("did not start")));
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get("never");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.GetConfigAsync(RegistryScope.Global, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await gateway.ListSchemasAsync(new SchemaQuery(), CancellationToken.None).ToListAsync());

        Assert.Equal("did not start", error.Message);
    }

    [Fact]
    public async Task Gateway_CancelledWhileWaiting_StopsWaiting()
    {
        var registry = new RegistryOptions { Name = "slow" };
        // A start that never finishes: only the caller's cancellation ends the wait.
        var neverReady = new TaskCompletionSource();
        await using var services = Provider(registry, cancellationToken => neverReady.Task.WaitAsync(cancellationToken));
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get(null);
        using var cancel = new CancellationTokenSource();

        var version = gateway.GetServerVersionAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => version);
    }

    [Fact]
    public void AddRegistryGateways_PendingRegistryNotAmongTheRegistries_IsRefused()
    {
        var listed = new RegistryOptions { Name = "a", Url = "http://a.test" };
        var stray = new RegistryOptions { Name = "b" };

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddRegistryGateways([listed], pending: [new PendingRegistry(stray, _ => Task.CompletedTask)]));

        Assert.StartsWith("Pending registry 'b' is not among the registries.", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(RegistryOptions registry, Func<CancellationToken, Task> whenReady)
    {
        var services = new ServiceCollection();
        services.AddRegistryGateways([registry], pending: [new PendingRegistry(registry, whenReady)]);
        return services.BuildServiceProvider();
    }
}
