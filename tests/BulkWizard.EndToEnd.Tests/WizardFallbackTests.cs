using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>The same flow for clients without forms: needs_input, bulk_wizard_answer, then confirm_bulk_operation.</summary>
public sealed class WizardFallbackTests
{
    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task NeedsInputThenAnswersThenConfirm_SameResultAsTheFormFlow(string? protocol)
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings, protocol);

        var reply = await client.CallAsync("start_bulk_wizard");
        var asked = new List<string> { reply["question"]!.Str("message") };
        var sessionId = reply.Str("session_id");
        foreach (var (field, value) in new[] { ("operation_type", "schema_update"), ("selection", "test"), ("update_type", "compatibility"), ("compatibility", "FULL") })
        {
            Assert.Equal("needs_input", reply.Str("status"));
            reply = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["answers"] = new JsonObject { [field] = value } });
            if (reply["question"] is { } question)
            {
                asked.Add(question.Str("message"));
            }
        }

        Assert.Equal([WizardTexts.Get("choose_operation"), WizardTexts.Get("select_schemas"), WizardTexts.Get("update_type"), WizardTexts.Get("select_compatibility")], asked);
        Assert.Equal("planned", reply.Str("status"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));

        var plan = reply["plan"]!;
        var run = await client.CallAsync("confirm_bulk_operation", new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false,
        });

        Assert.Equal("completed", run.Str("status"));
        Assert.Equal("assistant (tool call)", run["task"]!["result"]!.Str("confirmed_by"));
        var changed = (await harness.SnapshotAsync()).DifferencesFrom(before);
        Assert.Equal(plan.Number("changes"), changed.Count);
        Assert.All(changed, s => Assert.StartsWith("test-", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllAnswersPrefilled_PlannedWithoutQuestionsAndNothingChanged()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var reply = await client.CallAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "schema_update", ["pattern"] = "test-*", ["update_type"] = "compatibility", ["compatibility"] = "FULL",
        });

        Assert.Equal("planned", reply.Str("status"));
        Assert.StartsWith("Set compatibility FULL on test-*", reply["plan"]!.Str("title"), StringComparison.Ordinal);
        Assert.True(reply["plan"]!.Str("preview").Length < 4096);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task BadArgument_ErrorNamesFieldAndAllowedValuesNothingChanged()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var error = await client.CallExpectingErrorAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "STRICT" });
        var batch = await client.CallExpectingErrorAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL", ["batch_size"] = 0 });

        Assert.Contains("compatibility: 'STRICT' is not allowed: use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.", error, StringComparison.Ordinal);
        Assert.Contains("batch_size: allowed 1 to 1000.", batch, StringComparison.Ordinal);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task Confirm_WithoutAcceptWrongHashOrTwice_Refused()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "NONE" }))["plan"]!;
        Dictionary<string, object?> Confirm(string hash, string? confirmation) => new()
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = hash, ["confirmation"] = confirmation, ["dry_run"] = false,
        };

        var noAccept = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(plan.Str("plan_hash"), null));
        var wrongHash = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm("0000", "accept"));
        var first = await client.CallAsync("confirm_bulk_operation", Confirm(plan.Str("plan_hash"), "accept"));
        var again = await client.CallExpectingErrorAsync("confirm_bulk_operation", Confirm(plan.Str("plan_hash"), "accept"));

        Assert.Contains("confirmation: give 'accept' to run this plan", noAccept, StringComparison.Ordinal);
        Assert.Contains("plan_hash: does not match plan", wrongHash, StringComparison.Ordinal);
        Assert.Equal("completed", first.Str("status"));
        Assert.Contains("has already been executed", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_Default_ChecksEveryItemAndChangesNothing()
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var plan = (await client.CallAsync("bulk_schema_update", new() { ["pattern"] = ":*:*", ["compatibility"] = "FULL_TRANSITIVE" }))["plan"]!;

        var dryRun = await client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });

        Assert.Equal("completed", dryRun.Str("status"));
        Assert.True(dryRun["task"]!["result"]!["dry_run"]!.GetValue<bool>());
        Assert.Equal(plan.Number("changes"), dryRun["task"]!["result"]!.Number("would_apply"));
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task BackAndCancel_WithoutForms()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);
        var sessionId = (await client.CallAsync("start_bulk_wizard", new() { ["operation_type"] = "schema_update" })).Str("session_id");
        await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["answers"] = new JsonObject { ["selection"] = "test" } });

        var back = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["action"] = "back" });
        var cancelled = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["action"] = "cancel" });
        var gone = await client.CallExpectingErrorAsync("bulk_wizard_answer", new() { ["session_id"] = sessionId, ["action"] = "back" });

        Assert.Equal(WizardTexts.Get("select_schemas"), back["question"]!.Str("message"));
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Contains("is unknown or expired", gone, StringComparison.Ordinal);
    }
}
