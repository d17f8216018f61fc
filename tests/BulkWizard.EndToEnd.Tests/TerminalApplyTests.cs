using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// <c>bulkwizard apply plan.json</c> on a plan exported through the server (<c>export_plan</c>): planned again against
/// the registry as it is, run after the wizard's confirmation only when that gives the same plan; a registry that now
/// gives another plan, or a file edited after export, runs nothing.
/// </summary>
public sealed class TerminalApplyTests(TerminalSandbox sandbox) : IClassFixture<TerminalSandbox>
{
    private WizardHarness Harness => sandbox.Harness;

    private async Task<(JsonNode Plan, string File)> ExportAsync(string pattern, string level)
    {
        await using var client = await ServerLauncher.ConnectAsync(Harness.Settings);
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = pattern, ["compatibility"] = level }))["plan"]!;
        var exported = await client.CallAsync("export_plan", new() { ["plan_id"] = plan.Str("plan_id") });
        return (plan, exported.Str("json_path"));
    }

    [Fact]
    public async Task Apply_RegistryUnchanged_PreviewedConfirmedAndRun()
    {
        var (plan, file) = await ExportAsync("metrics-*", "FULL");
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "apply", file);

        var preview = await terminal.AnswerAsync("Decision (number or value): ", "proceed");
        await terminal.ExpectAsync("completed: 5 applied, 0 undone, 0 failed, 0 in conflict, 0 skipped (task task_");

        Assert.Equal(0, await terminal.ExitCodeAsync());
        Assert.Contains($"The registry still gives the exported plan (hash {plan.Str("plan_hash")})", preview, StringComparison.Ordinal);
        Assert.Contains("5 change(s), 0 skipped", preview, StringComparison.Ordinal);
        var after = await Harness.SnapshotAsync();
        Assert.Equal(["metrics-1", "metrics-2", "metrics-3", "metrics-4", "metrics-5"], after.DifferencesFrom(before));
    }

    [Fact]
    public async Task Apply_RegistryNowGivesAnotherPlan_NothingRunsAndTheNewPlanIsShown()
    {
        var (_, file) = await ExportAsync("*-value", "FULL_TRANSITIVE");
        using (var seed = new RegistrySeeder(Harness.Sandbox.BaseAddress))
        {
            await seed.RegisterAsync("refunds-value", RegistrySeeder.AvroRecord("Refund", "f1"));
        }

        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "apply", file);

        var refused = await terminal.ExpectAsync("Nothing was changed.");

        Assert.Equal(1, await terminal.ExitCodeAsync());
        Assert.Contains("The registry now gives a different plan", refused, StringComparison.Ordinal);
        Assert.Contains("3 change(s)", refused, StringComparison.Ordinal);
        Assert.Empty((await Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Apply_FileEditedAfterExport_RefusedBeforeAnyRead()
    {
        var (_, file) = await ExportAsync("legacy-*", "NONE");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        json["plan"]!["title"] = "Set compatibility NONE on every subject";
        var edited = Path.Combine(Path.GetDirectoryName(file)!, "edited.json");
        await File.WriteAllTextAsync(edited, json.ToJsonString());
        var before = await Harness.SnapshotAsync();
        await using var terminal = TerminalProcess.Start(Harness.Settings, "apply", edited);

        var refused = await terminal.ExpectAsync("Nothing was changed.");

        Assert.Equal(1, await terminal.ExitCodeAsync());
        Assert.Contains("does not hash to its plan_hash", refused, StringComparison.Ordinal);
        Assert.Empty((await Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Apply_WithoutAFile_UsageErrorExitCode2()
    {
        await using var terminal = TerminalProcess.Start(Harness.Settings, "apply");

        Assert.Equal(2, await terminal.ExitCodeAsync());
        Assert.Contains("bulkwizard: apply needs the exported plan file: bulkwizard apply PLAN.json (from export_plan).", terminal.Stderr, StringComparison.Ordinal);
    }
}
