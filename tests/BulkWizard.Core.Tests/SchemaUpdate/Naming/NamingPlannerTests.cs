using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

/// <summary>Naming plans made against the Sandbox over HTTP with the production gateway.</summary>
public sealed class NamingPlannerTests
{
    private static readonly string[] ReportSubjects = ["orders-value", "orders-com.acme.Order", "events-value", "gone-value"];

    [Fact]
    public async Task PlanAsync_KebabCase_PlansOneAliasPerFreeSuggestionAndSkipsTheRestWithReasons()
    {
        await using var harness = await SandboxHarness.StartAsync();
        string[] subjects = ["OrdersEvents-value", "orders-ok-value", "Taken-value", "Soft-value", "Configured-value", "Dup_X-value", "DupX-value", "__-value"];
        await harness.RegisterEachAsync(subjects);

        await harness.RegisterVersionsAsync("taken-value");
        await harness.RegisterVersionsAsync("soft-value");
        await harness.Gateway.DeleteSubjectAsync(QualifiedSubject.Parse("soft-value"), DeleteKind.Soft, CancellationToken.None);
        await harness.PutConfigAsync("configured-value", new JsonObject { ["compatibility"] = "FULL" });

        var plan = await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, subjects);

        var change = Assert.IsType<SubjectAliasChange>(Assert.Single(plan.Changes));
        Assert.Equal("orders-events-value", change.Subject);
        Assert.Equal("OrdersEvents-value", change.TargetSubject);
        Assert.Equal(new JsonObject { ["alias"] = "OrdersEvents-value" }, change.After, JsonNode.DeepEquals);
        Assert.Null(change.Before);
        Assert.False(plan.IsDestructive);
        Assert.Equal("schema_update", plan.OperationType);
        Assert.Equal("Apply naming convention kebab_case to test-* by alias", plan.Title);

        var reasons = plan.Skipped.ToDictionary(s => s.Subject, s => s.Reason);
        Assert.Equal("already follows kebab_case", reasons["orders-ok-value"]);
        Assert.Contains("taken-value already holds version(s) 1", reasons["Taken-value"], StringComparison.Ordinal);
        Assert.Contains("soft-value already holds version(s) 1 (soft-deleted included)", reasons["Soft-value"], StringComparison.Ordinal);
        Assert.Contains("configured-value already has a config of its own", reasons["Configured-value"], StringComparison.Ordinal);
        Assert.Contains("2 subjects would take the same name dup-x-value", reasons["Dup_X-value"], StringComparison.Ordinal);
        Assert.Contains("same name dup-x-value", reasons["DupX-value"], StringComparison.Ordinal);
        Assert.Contains("no name suggested", reasons["__-value"], StringComparison.Ordinal);
        Assert.Equal(subjects.Length - 1, plan.Skipped.Count);

        Assert.Contains(NamingTexts.ReadAndWrite, plan.Warnings);
        Assert.Contains(NamingTexts.DeletesFollow, plan.Warnings);
        Assert.Contains(plan.Warnings, w => w.Contains(NamingTexts.RenameIsMigration, StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.StartsWith("3 suggested name(s) are already taken", StringComparison.Ordinal));
        Assert.Equal(1, plan.Estimate.Items);
    }

    [Fact]
    public async Task PlanAsync_RecordName_ReadsTheLatestAvroRecordAndLeavesJsonUnchecked()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await NamingSandbox.RegisterAsync(harness, "orders-value", NamingSandbox.Avro("Order", "com.acme"));
        await NamingSandbox.RegisterAsync(harness, "com.acme.Payment", NamingSandbox.Avro("Payment", "com.acme"));
        await NamingSandbox.RegisterAsync(harness, "events-value", """{"type":"object","properties":{"a":{"type":"string"}}}""", SchemaTypes.Json);

        var plan = await NamingSandbox.PlanAsync(harness, NamingConvention.RecordName, "orders-value", "com.acme.Payment", "events-value");

        var change = Assert.IsType<SubjectAliasChange>(Assert.Single(plan.Changes));
        Assert.Equal("com.acme.Order", change.Subject);
        Assert.Equal("orders-value", change.WrittenTarget);
        Assert.Equal("already follows record_name", plan.Skipped.Single(s => s.Subject == "com.acme.Payment").Reason);
        Assert.Contains("JSON schema cannot be derived", plan.Skipped.Single(s => s.Subject == "events-value").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_Report_CountsConformingViolationsAndUnchecked()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await NamingSandbox.RegisterAsync(harness, "orders-value", NamingSandbox.Avro("Order", "com.acme"));
        await NamingSandbox.RegisterAsync(harness, "orders-com.acme.Order", NamingSandbox.Avro("Order", "com.acme"));
        await NamingSandbox.RegisterAsync(harness, "events-value", """{"type":"object"}""", SchemaTypes.Json);
        List<QualifiedSubject> subjects = [.. ReportSubjects.Select(QualifiedSubject.Parse)];

        var report = await new NamingChecker(harness.Gateway).ReportAsync(subjects, NamingConvention.TopicRecordName, CancellationToken.None);

        Assert.Equal(SandboxHarness.RegistryName, report.Registry);
        Assert.Equal("topic_record_name", report.Convention);
        Assert.Equal(4, report.Checked);
        Assert.Equal(1, report.Conforming);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("orders-value", "orders-com.acme.Order"), (violation.Subject, violation.SuggestedName));
        Assert.Equal(["events-value", "gone-value"], report.Unchecked.Select(u => u.Subject));
        Assert.Contains("no live version", report.Unchecked[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_RequiredContext_AliasesAcrossNamedContextsButNotFromTheDefaultOne()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync(":.a:orders-value");
        await harness.RegisterVersionsAsync("payments-value");

        var plan = await NamingSandbox.PlanAsync(harness, NamingConvention.Context("b"), ":.a:orders-value", "payments-value");

        var change = Assert.IsType<SubjectAliasChange>(Assert.Single(plan.Changes));
        Assert.Equal(":.b:orders-value", change.Subject);
        Assert.Equal(":.a:orders-value", change.WrittenTarget);
        Assert.Contains("cannot point to a subject of the default context", plan.Skipped.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_RoundTripsThroughPlanJson_AsSubjectAlias()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("OrdersEvents-value");
        var plan = await NamingSandbox.PlanAsync(harness, NamingConvention.KebabCase, "OrdersEvents-value");

        var json = PlanJson.Serialize(plan);
        var back = PlanJson.Deserialize(json);

        Assert.Contains("\"kind\":\"subject_alias\"", json, StringComparison.Ordinal);
        Assert.Equal(plan.Changes.Single(), Assert.IsType<SubjectAliasChange>(back.Changes.Single()));
        Assert.Equal(PlanJson.HashOf(plan), PlanJson.HashOf(back));
    }
}
