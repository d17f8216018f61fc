using BulkWizard.Sandbox;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>A Sandbox with demo data and an empty data directory, for one test that changes the registry.</summary>
public sealed class WizardHarness : IAsyncDisposable
{
    private WizardHarness(SandboxRegistry sandbox, string dataDirectory)
    {
        Sandbox = sandbox;
        DataDirectory = dataDirectory;
    }

    public SandboxRegistry Sandbox { get; }

    public string DataDirectory { get; }

    public Dictionary<string, string> Settings => new()
    {
        ["SCHEMA_REGISTRY_NAME"] = "lab",
        ["SCHEMA_REGISTRY_URL"] = Sandbox.BaseAddress.ToString(),
        ["BulkWizard__DataDirectory"] = DataDirectory,
    };

    public static async Task<WizardHarness> StartAsync(SandboxOptions? options = null)
    {
        var sandbox = await SandboxRegistry.StartAsync(options ?? new SandboxOptions());
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
        return new WizardHarness(sandbox, data);
    }

    public Task<RegistrySnapshot> SnapshotAsync() => RegistrySnapshot.TakeAsync(Sandbox.BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
