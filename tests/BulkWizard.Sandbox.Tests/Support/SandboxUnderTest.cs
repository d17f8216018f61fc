namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>One empty Sandbox for one test, with a raw client on it.</summary>
public sealed class SandboxUnderTest : IAsyncDisposable
{
    private readonly HttpClient http;

    private SandboxUnderTest(SandboxRegistry registry)
    {
        Registry = registry;
        http = new HttpClient { BaseAddress = registry.BaseAddress };
        Client = new RegistryClient(http);
    }

    public SandboxRegistry Registry { get; }

    public RegistryClient Client { get; }

    public static async Task<SandboxUnderTest> StartAsync(SandboxOptions? options = null) =>
        new(await SandboxRegistry.StartAsync((options ?? new SandboxOptions()) with { SeedDemoData = false }));

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Registry.DisposeAsync();
    }
}
