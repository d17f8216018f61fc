using BulkWizard.Core.Registry;
using BulkWizard.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary>
/// One empty Sandbox per profile, each reached through a gateway wired as in production (DI, named client,
/// retry layer) over real HTTP and the real clock. Shared by the tests of one class.
/// </summary>
public sealed class SandboxGateways : IAsyncLifetime
{
    private readonly Dictionary<SandboxProfile, SandboxRegistry> _registries = [];
    private ServiceProvider? _services;

    public static TheoryData<SandboxProfile> Profiles => [SandboxProfile.Platform8, SandboxProfile.Community, SandboxProfile.Platform76];

    public IRegistryGateway Gateway(SandboxProfile profile) =>
        _services!.GetRequiredService<IRegistryGatewayProvider>().Get(profile.ToString());

    public async Task InitializeAsync()
    {
        foreach (var profile in Enum.GetValues<SandboxProfile>())
        {
            _registries[profile] = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, Profile = profile });
        }

        var services = new ServiceCollection();
        services.AddRegistryGateways(_registries.Select(r => new RegistryOptions { Name = r.Key.ToString(), Url = r.Value.BaseAddress.ToString() }));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        foreach (var registry in _registries.Values)
        {
            await registry.DisposeAsync();
        }
    }
}
