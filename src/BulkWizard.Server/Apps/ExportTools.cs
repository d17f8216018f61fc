using System.ComponentModel;
using BulkWizard.Core.Exports;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Apps;

/// <summary>Plans as artifacts: a plan written out for a change ticket, with the review page beside it.</summary>
[McpServerToolType]
public sealed class ExportTools(IPlanStore plans, DataDirectory dataDirectory, TimeProvider clock, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "export_plan", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(PlanReviewApp.ToolMetaKey, JsonValue = PlanReviewApp.ToolMetaJson)]
    [Description("Exports a plan for a change ticket into the data directory's exports folder: {plan_id}.json (operation type, registry, answers, run settings, created time, every change with before and after, skipped subjects, warnings, estimate, and the plan exactly as stored, enough to plan again; `bulkwizard apply {plan_id}.json` runs it later, only if the registry still gives the same plan) and {plan_id}.html beside it, the review page with the plan embedded, which opens in any browser. Returns both paths. The plan_hash proves the plan is unchanged since it was made; it does not prove who made or exported it. Changes nothing in the registry.")]
    public Task<ExportedPlan> ExportPlan(
        [Description(ToolText.PlanId)] string plan_id,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            var plan = await plans.FindAsync(plan_id, cancellationToken)
                ?? throw new McpException($"plan_id: no plan '{plan_id}'; plans come from start_bulk_wizard, bulk_wizard_answer or a planning tool such as bulk_schema_update.");
            var files = await new PlanExportWriter(dataDirectory, clock, PlanReviewPage.WithPlan).WriteAsync(plan, cancellationToken);
            return new ExportedPlan(plan.Id, plan.Hash, plan.Title, plan.Changes.Count, plan.Skipped.Count, files.JsonPath, files.HtmlPath, PlanExport.HashMeaning);
        });
}
