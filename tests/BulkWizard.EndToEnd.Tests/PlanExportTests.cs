using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary><c>export_plan</c> through the real server: the ticket JSON is complete and its plan re-hashes to the plan_hash; the page sits beside it.</summary>
public sealed class PlanExportTests(SharedServer server) : IClassFixture<SharedServer>
{
    private McpClient Client => server.Client;

    [Fact]
    public async Task ExportPlan_SchemaUpdate_JsonHasEverythingToPlanAgainAndThePageEmbedsThePlan()
    {
        var plan = (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL" }))["plan"]!;
        var page = await Client.CallAsync("get_bulk_plan", new() { ["plan_id"] = plan.Str("plan_id"), ["page_size"] = 500 });

        var exported = await Client.CallAsync("export_plan", new() { ["plan_id"] = plan.Str("plan_id") });

        var exports = Path.Combine(server.Harness.DataDirectory, "exports");
        Assert.Equal(Path.Combine(exports, plan.Str("plan_id") + ".json"), exported.Str("json_path"));
        Assert.Equal(Path.Combine(exports, plan.Str("plan_id") + ".html"), exported.Str("html_path"));
        Assert.Contains("proves the plan is unchanged since it was made, not who made or exported it", exported.Str("hash_proves"), StringComparison.Ordinal);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(exported.Str("json_path")))!;
        Assert.Equal(("schema_update", "lab", plan.Str("plan_hash")), (json.Str("operation_type"), json.Str("registry"), json.Str("plan_hash")));
        Assert.Equal(("FULL", "test-*"), (json["answers"]!.Str("compatibility"), json["answers"]!.Str("pattern")));
        Assert.True(DateTimeOffset.TryParse(json.Str("created_at"), out _));
        var changes = json["changes"]!.AsArray();
        Assert.Equal(plan.Number("changes"), changes.Count);
        Assert.Equal(
            page["changes"]!.AsArray().Select(c => $"{c!.Str("subject")} {c!["before"]?.GetValue<string>()} → {c!["after"]?.GetValue<string>()}"),
            changes.Select(c => $"{c!.Str("subject")} {c!["before"]?.ToJsonString()} → {c!["after"]?.ToJsonString()}"));
        Assert.All(changes, c => Assert.Equal("subject_config", c!.Str("kind")));

        var stored = PlanJson.Deserialize(json["plan"]!.ToJsonString());
        Assert.Equal(plan.Str("plan_hash"), PlanJson.HashOf(stored));

        var html = await File.ReadAllTextAsync(exported.Str("html_path"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<script type=\"application/json\" id=\"plan-data\">{{\"format\":\"bulkwizard-plan-export/1\",\"plan_id\":\"{plan.Str("plan_id")}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"plan\":{", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportPlan_UnknownPlan_ErrorNamesPlanId()
    {
        var error = await Client.CallExpectingErrorAsync("export_plan", new() { ["plan_id"] = "plan_0000000000000000" });

        Assert.Equal("An error occurred invoking 'export_plan': plan_id: no plan 'plan_0000000000000000'; plans come from start_bulk_wizard, bulk_wizard_answer or a planning tool such as bulk_schema_update.", error);
    }
}
