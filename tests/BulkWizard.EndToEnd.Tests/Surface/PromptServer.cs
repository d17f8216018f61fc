using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>
/// Two registries for the prompts and completions: <c>lab</c> (the demo data and <see cref="LoadSubjects"/> subjects
/// named <c>load-NNNN</c>, more than one completion may list) and an empty <c>dr</c>. One server for the class: the
/// tests plan but never run.
/// </summary>
public sealed class PromptServer : IAsyncLifetime
{
    public const int LoadSubjects = 120;

    private SandboxRegistry _dr = null!;

    public WizardHarness Harness { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await WizardHarness.StartAsync();
        _dr = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        using (var seed = new RegistrySeeder(Harness.Sandbox.BaseAddress))
        {
            for (var i = 1; i <= LoadSubjects; i++)
            {
                await seed.RegisterAsync($"load-{i:0000}", RegistrySeeder.AvroRecord("Load", "id"));
            }
        }

        var settings = Harness.Settings;
        settings["SCHEMA_REGISTRY_NAME_1"] = "dr";
        settings["SCHEMA_REGISTRY_URL_1"] = _dr.BaseAddress.ToString();
        Client = await ServerLauncher.ConnectAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await _dr.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
