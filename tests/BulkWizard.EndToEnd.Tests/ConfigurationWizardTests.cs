using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard.Texts;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Protocol;
using static BulkWizard.EndToEnd.Tests.ConfigurationModeTests;
using static BulkWizard.EndToEnd.Tests.Support.ElicitationScript;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>The configuration wizard through a client that shows forms, and without forms: the exact questions asked and the registry after.</summary>
public sealed class ConfigurationWizardTests
{
    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task Forms_ContextReadOnly_EveryQuestionInOrder_ThenTheContextIsReadOnly(string? protocol)
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(
            Accept("operation_type", "configuration"),
            Accept("configuration_type", "mode"),
            Accept("scope", "context"),
            Accept("context", ".staging"),
            AcceptAll(new() { ["mode"] = "READONLY" }),
            Accept("view_details", true),
            Accept("unknown_impact", "proceed"),
            Accept("confirmation", "YES"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, protocol, script);

        var reply = await client.CallAsync("start_bulk_wizard");

        var asked = script.Messages.ToList();
        Assert.Equal(
            [
                WizardTexts.Get("choose_operation"), WizardTexts.Get("configuration_type"), WizardTexts.Get("configuration_scope"),
                WizardTexts.Get("configuration_context"), WizardTexts.Get("configuration_mode_options"), WizardTexts.Get("preview", 1),
            ],
            asked.Take(6));
        Assert.Equal(
            "Producer activity is unknown for 1 subject(s) that turn READONLY: no Kafka cluster configured for registry 'lab': consumer impact was not checked. " +
            "Proceed without knowing who produces to them?",
            asked[6]);
        Assert.EndsWith(WizardTexts.Get("type_yes"), asked[7], StringComparison.Ordinal);
        Assert.Equal("completed", reply.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["mode :.staging:"], after.DifferencesFrom(before));
        Assert.Equal("READONLY", after.State["mode :.staging:"]!.Str("mode"));
    }

    [Fact]
    public async Task Forms_FirstQuestion_OffersAllFourTypes_NoneSaysItIsNotBuilt()
    {
        await using var harness = await SeededAsync();
        var script = new ElicitationScript(Decline);
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, null, script);

        await client.CallAsync("start_bulk_wizard");

        var text = JsonSerializer.SerializeToNode(script.Asked[0].RequestedSchema)!["properties"]!["operation_type"]!.ToJsonString();
        Assert.All(["schema_update", "migration", "cleanup", "configuration"], t => Assert.Contains($"\"{t}\"", text, StringComparison.Ordinal));
        Assert.DoesNotContain("not available", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_SecurityPolicyOnAPattern_SaysAccessControlIsOutsideTheRegistry_ThenStoresTheMetadata()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(
            Accept("configuration_type", "security"),
            Accept("scope", "subjects"),
            Accept("selection", "custom"),
            Accept("pattern", "orders-*"),
            AcceptAll(new() { ["metadata_target"] = "default", ["tags"] = "$.id=PII", ["properties"] = "owner=team-a" }),
            Accept("view_details", true),
            Accept("decision", "proceed"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, null, script);

        var reply = await client.CallAsync("start_bulk_wizard", new() { ["operation_type"] = "configuration" });

        var asked = script.Messages.ToList();
        Assert.Equal(
            [
                WizardTexts.Get("configuration_type"), WizardTexts.Get("configuration_scope"), WizardTexts.Get("configuration_select_subjects"),
                WizardTexts.Get("enter_pattern"), WizardTexts.Get("configuration_security_options"), WizardTexts.Get("preview", 1),
            ],
            asked.Take(6));
        Assert.Contains("Access control (RBAC, ACLs) is not part of the registry's REST API", asked[4], StringComparison.Ordinal);
        Assert.Equal("completed", reply.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal(["orders-value"], after.DifferencesFrom(before));
        Assert.Equal("team-a", after.Subject("orders-value")!["config"]!["defaultMetadata"]!["properties"]!["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forms_ComplianceOnAllContexts_ThenEverySubjectValidatesFields()
    {
        await using var harness = await SeededAsync();
        var before = await harness.SnapshotAsync();
        var script = new ElicitationScript(
            Accept("configuration_type", "compliance"),
            Accept("scope", "all_contexts"),
            AcceptAll(new() { ["fix"] = "validate_fields" }),
            Accept("view_details", true),
            Accept("decision", "proceed"));
        await using var client = await ServerLauncher.ConnectWithFormsAsync(harness.Settings, null, script);

        var reply = await client.CallAsync("start_bulk_wizard", new() { ["operation_type"] = "configuration" });

        Assert.Equal(
            [WizardTexts.Get("configuration_type"), WizardTexts.Get("configuration_scope"), WizardTexts.Get("configuration_compliance_options"), WizardTexts.Get("preview", 3)],
            script.Messages.Take(4));
        Assert.Equal("completed", reply.Str("status"));
        var after = await harness.SnapshotAsync();
        Assert.Equal([":.staging:orders-value", "orders-value", "payments-value"], after.DifferencesFrom(before));
    }

    [Fact]
    public async Task WithoutForms_Retention_AskedThenPlanned_WithThePolicyUnderTheContextsPattern()
    {
        await using var harness = await SeededAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var reply = await client.CallAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "configuration", ["answers"] = new JsonObject { ["configuration_type"] = "retention", ["scope"] = "context", ["context"] = ".staging" },
        });
        var planned = await client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = reply.Str("session_id"), ["answers"] = new JsonObject { ["keep_last"] = 3, ["enforce_now"] = false } });

        Assert.Equal(WizardTexts.Get("configuration_retention_options"), reply["question"]!.Str("message"));
        Assert.Equal("planned", planned.Str("status"));
        Assert.Equal("Set retention policy (keep the last 3 versions) on context .staging", planned["plan"]!.Str("title"));
        Assert.Contains("for :.staging:* is stored once this run completes", planned["plan"]!.Str("preview"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutForms_PatternGivenUpFront_ImpliesScopeSubjects_AndTheModeQuestionIsNext()
    {
        await using var harness = await SeededAsync();
        await using var client = await ServerLauncher.ConnectAsync(harness.Settings);

        var reply = await client.CallAsync("start_bulk_wizard", new() { ["operation_type"] = "configuration", ["pattern"] = "orders-*", ["answers"] = new JsonObject { ["configuration_type"] = "mode" } });
        var refused = await client.CallExpectingErrorAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "configuration", ["pattern"] = "orders-*", ["answers"] = new JsonObject { ["configuration_type"] = "mode", ["scope"] = "all_contexts" },
        });

        Assert.Equal("needs_input", reply.Str("status"));
        Assert.Equal(WizardTexts.Get("configuration_mode_options"), reply["question"]!.Str("message"));
        Assert.EndsWith("pattern: only for scope 'subjects', not 'all_contexts': the all_contexts scope sets one setting above the subjects; leave pattern out.", refused, StringComparison.Ordinal);
    }

    private static Func<ElicitRequestParams, ElicitResult> AcceptAll(Dictionary<string, object> fields) =>
        _ => new ElicitResult { Action = "accept", Content = fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value)) };
}
