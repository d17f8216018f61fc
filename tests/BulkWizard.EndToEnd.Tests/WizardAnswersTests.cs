using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// An operation's own answers given to start_bulk_wizard as one answers object (the names of its planning tool),
/// and the errors a planning tool gives for what its arguments lack or do not allow, through the real server.
/// </summary>
public sealed class WizardAnswersTests
{
    [Fact]
    public async Task AnswersObject_PrefillsLikeTheFlatParameters_AndWaitsForTheOperationType()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var planned = await client.CallAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "schema_update", ["pattern"] = "test-*", ["answers"] = new JsonObject { ["update_type"] = "compatibility", ["compatibility"] = "full" },
        });
        var asked = await client.CallAsync("start_bulk_wizard", new() { ["answers"] = new JsonObject { ["update_type"] = "compatibility", ["compatibility"] = "FULL" } });
        var sessionId = asked.Str("session_id");
        var selection = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["answers"] = new JsonObject { ["operation_type"] = "schema_update" } });
        var answered = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["answers"] = new JsonObject { ["selection"] = "custom" } });
        var last = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["answers"] = new JsonObject { ["pattern"] = "test-*" } });

        Assert.Equal("planned", planned.Str("status"));
        Assert.StartsWith("Set compatibility FULL on test-*", planned["plan"]!.Str("title"), StringComparison.Ordinal);
        Assert.Equal(WizardTexts.Get("choose_operation"), asked["question"]!.Str("message"));
        Assert.Equal(WizardTexts.Get("select_schemas"), selection["question"]!.Str("message"));
        Assert.Equal(WizardTexts.Get("enter_pattern"), answered["question"]!.Str("message"));
        Assert.Equal(("planned", planned["plan"]!.Number("changes")), (last.Str("status"), last["plan"]!.Number("changes")));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task BadOrMissingOperationArguments_ErrorsNameTheArgument()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var unknown = await client.CallExpectingErrorAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "schema_update", ["answers"] = new JsonObject { ["naming_convention"] = "kebab_case" },
        });
        var twice = await client.CallExpectingErrorAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "schema_update", ["update_type"] = "naming", ["answers"] = new JsonObject { ["update_type"] = "metadata" },
        });
        var missing = await client.CallExpectingErrorAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["update_type"] = "naming" });
        var value = await client.CallExpectingErrorAsync("bulk_schema_update", new()
        {
            ["pattern"] = "test-*", ["update_type"] = "metadata", ["metadata_target"] = "latest_versions", ["metadata_action"] = "set_tags", ["metadata_key"] = "$.ssn",
        });

        Assert.Contains("answers: 'naming_convention' is not an argument of schema_update; use update_type, compatibility, convention,", unknown, StringComparison.Ordinal);
        Assert.Contains("update_type: given as 'naming' and in answers as \"metadata\"; give it once.", twice, StringComparison.Ordinal);
        Assert.Contains("convention: missing for update_type 'naming'; give topic_name, record_name,", missing, StringComparison.Ordinal);
        Assert.Contains("metadata_value: missing for metadata_action 'set_tags'; give the property value, or the tags, comma-separated.", value, StringComparison.Ordinal);
    }
}
