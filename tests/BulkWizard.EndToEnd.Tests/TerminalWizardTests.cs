using System.Text.RegularExpressions;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// <c>bulkwizard wizard …</c>, the terminal front end, as the real executable with its input redirected (each answer
/// typed once its question is on screen) against a seeded Sandbox over HTTP: the same questions, plan, review, dry run,
/// typed YES and run as the MCP wizard, and the registry state after.
/// </summary>
public sealed class TerminalWizardTests(TerminalSandbox sandbox) : IClassFixture<TerminalSandbox>
{
    private WizardHarness Harness => sandbox.Harness;

    [Fact]
    public async Task Cleanup_TestSchemas_FromTheFirstQuestionToTheTypedYes_SoftDeletesExactlyThem()
    {
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "wizard", "cleanup");

        await terminal.AnswerAsync(WizardTexts.Get("cleanup_type"), "test");
        await terminal.AnswerAsync(WizardTexts.Get("select_cleanup_schemas"), "test");
        await terminal.ExpectAsync(WizardTexts.Get("cleanup_options"));
        await terminal.AnswerAsync("Permanent delete (yes/no) (no): ", "no");
        await terminal.AnswerAsync("Remove contexts the cleanup empties (yes/no) (no): ", "");
        await terminal.AnswerAsync("Remove aliases left pointing at nothing (yes/no) (no): ", "");
        await terminal.AnswerAsync("Create backup (number or value) (yes): ", "");
        var preview = await terminal.AnswerAsync(WizardTexts.Get("preview", 2), "yes");
        await terminal.AnswerAsync(
            "Consumer impact is unknown for 2 subject(s): no Kafka cluster configured for registry 'lab': consumer impact was not checked. Proceed without knowing who reads them?",
            "proceed");
        var confirmation = await terminal.AnswerAsync(WizardTexts.Get("type_yes"), "YES");
        var outcome = await terminal.ExpectAsync("completed: 2 applied, 0 undone, 0 failed, 0 in conflict, 1 skipped (task task_");

        Assert.Equal(0, await terminal.ExitCodeAsync());
        Assert.Contains("Soft-delete test schemas (test-*) on registry 'lab'", preview, StringComparison.Ordinal);
        Assert.Contains("2 change(s), 1 skipped, DESTRUCTIVE", preview, StringComparison.Ordinal);
        Assert.Matches(@"│ test-a +│ soft-delete versions 1, 2; no live version left", preview);
        Assert.Matches(@"│ test-ro +│ mode READONLY \(subject\): the registry refuses deletes", preview);
        Assert.Matches(@"Estimate +2 item\(s\) in \d batch\(es\), 0 s between batches, about [\d.]+ s", preview);
        Assert.Contains("Dry run: dry run: 2 would change, 0 in conflict, 0 failed, nothing changed", confirmation, StringComparison.Ordinal);
        Assert.Contains("Backup bk_", terminal.Stdout, StringComparison.Ordinal);
        Assert.Contains("completed", outcome, StringComparison.Ordinal);
        Assert.Contains("0/2 running: 0%", terminal.Stdout, StringComparison.Ordinal);
        Assert.Contains("2/2: 100%", terminal.Stdout, StringComparison.Ordinal);
        var after = await Harness.SnapshotAsync();
        Assert.Equal(["test-a", "test-b"], after.DifferencesFrom(before));
        Assert.All(["test-a", "test-b"], s => Assert.All(Deleted(after, s), Assert.True));
    }

    /// <summary>The README's first terminal steps: nothing configured but a data directory, so the embedded Sandbox with its demo data.</summary>
    [Fact]
    public async Task Newcomer_NoRegistryConfigured_CleansUpTheDemoTestSchemasOnTheEmbeddedSandbox_WithAProgressBar()
    {
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-newcomer-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var terminal = TerminalProcess.Start(new Dictionary<string, string> { ["BulkWizard__DataDirectory"] = data }, "wizard", "cleanup");

            await terminal.AnswerAsync(WizardTexts.Get("cleanup_type"), "test");
            await terminal.AnswerAsync(WizardTexts.Get("select_cleanup_schemas"), "test");
            await terminal.AnswerAsync("Permanent delete (yes/no) (no): ", "no");
            await terminal.AnswerAsync("Remove contexts the cleanup empties (yes/no) (no): ", "");
            await terminal.AnswerAsync("Remove aliases left pointing at nothing (yes/no) (no): ", "");
            await terminal.AnswerAsync("Create backup (number or value) (yes): ", "");
            var preview = await terminal.AnswerAsync(WizardTexts.Get("preview", 11), "yes");
            await terminal.AnswerAsync("Proceed without knowing who reads them?", "proceed");
            await terminal.AnswerAsync(WizardTexts.Get("type_yes"), "YES");
            await terminal.ExpectAsync("completed: 11 applied, 0 undone, 0 failed, 0 in conflict, 1 skipped (task task_");

            Assert.Equal(0, await terminal.ExitCodeAsync());
            Assert.Contains("Soft-delete test schemas (test-*) on registry 'sandbox'", preview, StringComparison.Ordinal);
            Assert.Matches(@"│ test-subject-07 +│ mode READONLY \(subject\): the registry refuses deletes", preview);
            Assert.Contains("0/11 running: 0%", terminal.Stdout, StringComparison.Ordinal);
            Assert.Contains("11/11: 100%", terminal.Stdout, StringComparison.Ordinal);
            Assert.Contains("No registry is configured: using the embedded Sandbox registry", terminal.Stderr, StringComparison.Ordinal);
            Assert.Single(Directory.GetDirectories(Path.Combine(data, "backups")));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SchemaUpdate_Compatibility_PreviewedThenProceeded_SetsTheLevelOnTheSelectedSubjects()
    {
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "wizard", "schema_update");

        await terminal.AnswerAsync("Schemas (number or value): ", "custom");
        await terminal.AnswerAsync("Pattern: ", "*-value");
        await terminal.AnswerAsync(WizardTexts.Get("update_type"), "compatibility");
        await terminal.AnswerAsync("Compatibility level (number or value): ", "FULL");
        var preview = await terminal.AnswerAsync(WizardTexts.Get("preview", 2), "no");
        await terminal.AnswerAsync(WizardTexts.Get("proceed"), "proceed");
        await terminal.ExpectAsync("completed: 2 applied");

        Assert.Equal(0, await terminal.ExitCodeAsync());
        Assert.Matches(@"│ orders-value +│ inherited from global: BACKWARD → FULL", preview);
        Assert.Matches(@"│ payments-value +│ NONE → FULL", preview);
        var after = await Harness.SnapshotAsync();
        Assert.Equal(["orders-value", "payments-value"], after.DifferencesFrom(before));
        Assert.All(["orders-value", "payments-value"], s => Assert.Equal("FULL", after.Subject(s)!["config"]!["compatibilityLevel"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WrongYes_IsRefusedAndAskedAgain_ThenCancel_NothingChanged()
    {
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "wizard", "cleanup");

        await terminal.AnswerAsync(WizardTexts.Get("cleanup_type"), "pattern");
        await terminal.AnswerAsync("Schemas (number or value): ", "custom");
        await terminal.AnswerAsync("Pattern: ", "legacy-*");
        await terminal.AnswerAsync("Permanent delete (yes/no) (no): ", "no");
        await terminal.AnswerAsync("Remove contexts the cleanup empties (yes/no) (no): ", "");
        await terminal.AnswerAsync("Remove aliases left pointing at nothing (yes/no) (no): ", "");
        await terminal.AnswerAsync("Create backup (number or value) (yes): ", "");
        await terminal.AnswerAsync(WizardTexts.Get("preview", 1), "no");
        await terminal.AnswerAsync("Proceed without knowing who reads them?", "proceed");
        await terminal.AnswerAsync(WizardTexts.Get("type_yes"), "yes");
        await terminal.ExpectAsync("confirmation: type YES exactly to confirm; 'yes' does not confirm.");
        await terminal.AnswerAsync(WizardTexts.Get("type_yes"), "cancel");
        await terminal.ExpectAsync("cancelled: The wizard was cancelled; nothing was changed.");

        Assert.Equal(1, await terminal.ExitCodeAsync());
        Assert.Empty((await Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task CtrlC_AtAQuestion_CancelsTheWizard_NothingChanged()
    {
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "wizard", "cleanup");

        await terminal.ExpectAsync("Cleanup (number or value): ");
        terminal.PressCtrlC();
        await terminal.ExpectAsync("cancelled: The wizard was cancelled; nothing was changed.");

        Assert.Equal(1, await terminal.ExitCodeAsync());
        Assert.Empty((await Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task CtrlC_DuringTheRun_CancelsTheTaskThroughItsCancelPath_RolledBackToTheStateBefore()
    {
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(
            Harness.Settings, "wizard", "schema_update", "--batch_size", "1", "--delay_between_batches", "1", "--max_parallel", "1");

        await terminal.AnswerAsync("Schemas (number or value): ", "custom");
        await terminal.AnswerAsync("Pattern: ", "metrics-*");
        await terminal.AnswerAsync(WizardTexts.Get("update_type"), "compatibility");
        await terminal.AnswerAsync("Compatibility level (number or value): ", "NONE");
        var preview = await terminal.AnswerAsync(WizardTexts.Get("preview", 5), "no");
        await terminal.AnswerAsync(WizardTexts.Get("proceed"), "proceed");
        await terminal.ExpectAsync("Running task ");
        // A transcript shows the bar at some steps only: whichever applied item it shows first, the run is under way.
        await terminal.ExpectAsync(": applied");
        terminal.PressCtrlC();
        var outcome = await terminal.ExpectAsync(" (task task_");

        Assert.Equal(1, await terminal.ExitCodeAsync());
        Assert.Contains("5 item(s) in 5 batch(es), 1 s between batches", preview, StringComparison.Ordinal);
        Assert.True(Regex.IsMatch(outcome, @"\nrolled_back: 0 applied, [1-4] undone, 0 failed, 0 in conflict, 0 skipped \(task task_$"), outcome);
        Assert.Contains(": items in flight finish, then the rollback rules apply.", outcome, StringComparison.Ordinal);
        Assert.Empty((await Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task UnknownOperationType_ClearErrorListingTheAllowedNames_ExitCode2()
    {
        await using var terminal = TerminalProcess.Start(Harness.Settings, "wizard", "purge");

        Assert.Equal(2, await terminal.ExitCodeAsync());
        Assert.Equal(
            "bulkwizard: operation type 'purge' is not allowed: use one of schema_update, migration, cleanup, configuration.",
            terminal.Stderr.Trim());
        Assert.Empty(terminal.Stdout);
    }

    [Theory]
    [InlineData("--batch_size", "0", 2, "bulkwizard: batch_size: allowed 1 to 1000.")]
    [InlineData("--canary", "maybe", 2, "bulkwizard: canary: 'maybe' is not allowed: use true or false.")]
    [InlineData("--registry", "prod", 1, "registry: Registry 'prod' is not configured. Configured registries: lab.")]
    public async Task BadCommandLineValue_NamedWithWhatIsAllowed_NothingAsked(string setting, string value, int exitCode, string error)
    {
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "wizard", "cleanup", setting, value);

        Assert.Equal(exitCode, await terminal.ExitCodeAsync());
        Assert.Contains(error, terminal.Stderr + terminal.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(WizardTexts.Get("cleanup_type"), terminal.Stdout, StringComparison.Ordinal);
        Assert.Empty((await Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Help_NamesTheCommandsAndTheOperationTypes()
    {
        await using var terminal = TerminalProcess.Start(Harness.Settings, "--help");

        Assert.Equal(0, await terminal.ExitCodeAsync());
        Assert.Contains("bulkwizard wizard [OPERATION_TYPE]", terminal.Stdout, StringComparison.Ordinal);
        Assert.Contains("Operation types: schema_update, migration, cleanup, configuration", terminal.Stdout, StringComparison.Ordinal);
    }

    private static List<bool> Deleted(RegistrySnapshot snapshot, string subject) =>
        [.. snapshot.Subject(subject)!["versions"]!.AsArray().Select(v => v!["deleted"]?.GetValue<bool>() == true)];
}
