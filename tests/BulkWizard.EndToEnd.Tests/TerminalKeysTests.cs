using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Registry;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Hosting;
using BulkWizard.Server.Terminal;
using BulkWizard.Server.Wizard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Testing;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// The terminal wizard with a keyboard: Spectre's selection lists and text prompts, driven by keys on Spectre's
/// interactive test console, over the product's services against the Sandbox over HTTP. (Redirected input is the
/// executable's own tests, <see cref="TerminalWizardTests"/>.)
/// </summary>
public sealed class TerminalKeysTests(TerminalSandbox sandbox) : IClassFixture<TerminalSandbox>
{
    [Fact]
    public async Task Cleanup_ChosenWithArrowKeys_ConfirmedWithTypedYes_SoftDeletesTheTestSchemas()
    {
        var harness = sandbox.Harness;
        var before = await harness.SnapshotAsync();
        using var host = Host(harness);
        await host.StartAsync();
        var console = new TestConsole().Interactive().Width(200);
        console.Input.PushKey(ConsoleKey.DownArrow);      // What type of cleanup? deprecated → test
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.DownArrow);      // Select schemas to clean up: individual → test
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushTextWithEnter("no");            // Permanent delete
        console.Input.PushKey(ConsoleKey.Enter);          // Remove emptied contexts: the default, no
        console.Input.PushKey(ConsoleKey.Enter);          // Remove dangling aliases: the default, no
        console.Input.PushKey(ConsoleKey.Enter);          // Create backup: yes
        console.Input.PushTextWithEnter("yes");           // View details
        console.Input.PushKey(ConsoleKey.Enter);          // Consumer impact unknown: proceed
        console.Input.PushTextWithEnter("YES");
        var wizard = new TerminalWizard(
            console, new TerminalQuestions(console, lines: null), host.Services.GetRequiredService<WizardConversation>(),
            host.Services.GetRequiredService<TaskManager>(), host.Services.GetRequiredService<IPlanStore>());

        var exit = await wizard.RunAsync(new WizardStart { OperationType = OperationTypes.Cleanup, WaitSeconds = 0 }, CancellationToken.None);
        await host.StopAsync();

        Assert.True(exit == 0, console.Output);
        Assert.Contains("Cleanup: test", console.Output, StringComparison.Ordinal);
        Assert.Contains("Schemas: test", console.Output, StringComparison.Ordinal);
        Assert.Contains(WizardTexts.Get("preview", 2), console.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: dry run: 2 would change, 0 in conflict, 0 failed, nothing changed", console.Output, StringComparison.Ordinal);
        Assert.Contains("completed: 2 applied, 0 undone, 0 failed, 0 in conflict, 1 skipped", console.Output, StringComparison.Ordinal);
        Assert.Matches(@"0/2 running ━+ +0% ", console.Output);
        Assert.Matches(@"2/2 [^\n]+ ━+ 100% ", console.Output);
        var after = await harness.SnapshotAsync();
        Assert.Equal(["test-a", "test-b"], after.DifferencesFrom(before));
    }

    /// <summary>The product's services as the terminal registers them, on the fixture's Sandbox and data directory.</summary>
    private static IHost Host(WizardHarness harness)
    {
        var registry = new RegistryOptions { Name = "lab", Url = harness.Sandbox.BaseAddress.ToString() };
        var options = new BulkWizardOptions { DataDirectory = harness.DataDirectory, Registries = [registry] };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddBulkWizard(options);
        builder.Services.AddRegistryGateways(options.Registries, pending: []);
        return builder.Build();
    }
}
