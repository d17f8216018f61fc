using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Protocol;
using static BulkWizard.EndToEnd.Tests.Support.ElicitationScript;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>The seed's schema update flow through a client that shows forms, on both protocol revisions.</summary>
public sealed class WizardElicitationTests
{
    private static readonly Dictionary<string, object?> SchemaUpdate = new() { ["operation_type"] = "schema_update" };

    private static Func<ElicitRequestParams, ElicitResult>[] SeedAnswers =>
    [
        Accept("selection", "test"),
        Accept("update_type", "compatibility"),
        Accept("compatibility", "FULL"),
        Accept("view_details", true),
        Accept("decision", "proceed"),
    ];

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task SeedFlow_TestSchemasToFull_EveryMatchedSubjectFullReadOnlySkippedNothingElseTouched(string? protocol)
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(SeedAnswers);
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        var reply = await client.CallAsync("start_bulk_wizard", SchemaUpdate);

        var testSubjects = before.State.Select(p => p.Key).Where(k => k.StartsWith("test-", StringComparison.Ordinal)).ToList();
        var readOnly = testSubjects.Where(s => before.Subject(s)!["mode"]?["mode"]?.GetValue<string>() == "READONLY").ToList();
        var updatable = testSubjects.Except(readOnly)
            .Where(s => HasLiveVersion(before, s) && before.Subject(s)!["config"]?["compatibilityLevel"]?.GetValue<string>() != "FULL")
            .ToList();
        Assert.Equal(
            [WizardTexts.Get("select_schemas"), WizardTexts.Get("update_type"), WizardTexts.Get("select_compatibility"), WizardTexts.Get("preview", updatable.Count)],
            script.Messages.Take(4));
        Assert.EndsWith(WizardTexts.Get("proceed"), script.Asked[4].Message, StringComparison.Ordinal);
        Assert.Equal("completed", reply.Str("status"));
        Assert.Equal("user (elicitation)", reply["task"]!["result"]!.Str("confirmed_by"));

        var after = await harness.SnapshotAsync();
        Assert.Single(readOnly);
        Assert.All(updatable, s => Assert.Equal("FULL", after.Subject(s)!["config"]!["compatibilityLevel"]!.GetValue<string>()));
        Assert.Equal(updatable.Order(StringComparer.Ordinal), after.DifferencesFrom(before));
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task SelectionQuestion_OptionTitlesFromResourceWithCounts(string? protocol)
    {
        await using var harness = await WizardHarness.StartAsync();
        var script = new ElicitationScript(Decline);
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        await client.CallAsync("start_bulk_wizard", SchemaUpdate);

        var schema = System.Text.Json.JsonSerializer.SerializeToNode(script.Asked[0].RequestedSchema)!["properties"]!["selection"]!;
        var titles = (schema["oneOf"] ?? schema["enumNames"])!.AsArray().Select(o => o is JsonObject option ? option["title"]!.GetValue<string>() : o!.GetValue<string>()).ToList();
        Assert.Equal(WizardTexts.Get("selection_individual"), titles[0]);
        Assert.StartsWith("test-* (All test schemas, ", titles[1], StringComparison.Ordinal);
        Assert.Contains(titles, t => t.StartsWith(":.staging:* (All schemas in context .staging, ", StringComparison.Ordinal));
        Assert.Equal(WizardTexts.Get("selection_custom"), titles[^1]);
    }

    [Theory]
    [InlineData(null, 0, "decline")]
    [InlineData(null, 1, "cancel")]
    [InlineData(null, 2, "decline")]
    [InlineData(null, 3, "cancel")]
    [InlineData(null, 4, "decline")]
    [InlineData(ProtocolRevisions.Pinned, 0, "cancel")]
    [InlineData(ProtocolRevisions.Pinned, 2, "decline")]
    [InlineData(ProtocolRevisions.Pinned, 4, "cancel")]
    public async Task DeclineOrCancel_AtAnyStep_WizardEndsAndRegistryUnchanged(string? protocol, int step, string action)
    {
        await using var harness = await WizardHarness.StartAsync();
        var before = await harness.SnapshotAsync();
        var answers = SeedAnswers;
        answers[step] = action == "decline" ? Decline : Cancel;
        var script = new ElicitationScript([.. answers.Take(step + 1)]);
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        var reply = await client.CallAsync("start_bulk_wizard", SchemaUpdate);

        Assert.Equal("cancelled", reply.Str("status"));
        Assert.Contains("nothing was changed", reply.Str("message"), StringComparison.Ordinal);
        Assert.Equal(step + 1, script.Asked.Count);
        Assert.Empty((await harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task InvalidTypedAnswer_AskedAgainWithTheError(string? protocol)
    {
        await using var harness = await WizardHarness.StartAsync();
        var script = new ElicitationScript(Accept("selection", "custom"), Accept("pattern", ":.staging"), Decline);
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        await client.CallAsync("start_bulk_wizard", SchemaUpdate);

        Assert.StartsWith("pattern: ':.staging' opens a context with ':.' but does not close it", script.Asked[2].Message, StringComparison.Ordinal);
        Assert.EndsWith(WizardTexts.Get("enter_pattern"), script.Asked[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task EightQuestionsInOneCall_ThenNeedsInputWithSessionAndTheWizardContinues(string? protocol)
    {
        await using var harness = await WizardHarness.StartAsync();
        var script = new ElicitationScript([Accept("operation_type", "schema_update"), Accept("selection", "custom"), .. Enumerable.Repeat(Accept("pattern", ":.bad"), 6)]);
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        var reply = await client.CallAsync("start_bulk_wizard");
        var next = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = reply.Str("session_id"), ["answers"] = new JsonObject { ["pattern"] = "test-*" } });

        Assert.Equal(8, script.Asked.Count);
        Assert.Equal("needs_input", reply.Str("status"));
        Assert.Equal(WizardTexts.Get("enter_pattern"), reply["question"]!.Str("message"));
        Assert.StartsWith("pattern: ':.bad' opens a context", reply["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(WizardTexts.Get("update_type"), next["question"]!.Str("message"));
    }

    private static bool HasLiveVersion(RegistrySnapshot snapshot, string subject) =>
        snapshot.Subject(subject)!["versions"]!.AsArray().Any(v => v!["deleted"]?.GetValue<bool>() != true);
}
