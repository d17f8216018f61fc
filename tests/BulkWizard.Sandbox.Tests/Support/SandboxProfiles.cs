namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>One empty Sandbox per profile, shared by the tests of one class.</summary>
public sealed class SandboxProfiles : IAsyncLifetime
{
    private readonly Dictionary<SandboxProfile, (SandboxRegistry Registry, HttpClient Http)> registries = [];

    public static TheoryData<SandboxProfile> All => new() { SandboxProfile.Platform8, SandboxProfile.Community, SandboxProfile.Platform76 };

    public SandboxRegistry Registry(SandboxProfile profile) => registries[profile].Registry;

    public RegistryClient Client(SandboxProfile profile) => new(registries[profile].Http);

    public async Task InitializeAsync()
    {
        foreach (var profile in Enum.GetValues<SandboxProfile>())
        {
            var registry = await SandboxRegistry.StartAsync(new SandboxOptions { Profile = profile, SeedDemoData = false });
            registries[profile] = (registry, new HttpClient { BaseAddress = registry.BaseAddress });
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (registry, http) in registries.Values)
        {
            http.Dispose();
            await registry.DisposeAsync();
        }
    }
}
