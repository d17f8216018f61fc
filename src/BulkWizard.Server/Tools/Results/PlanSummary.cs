using BulkWizard.Core.Plans;

namespace BulkWizard.Server.Tools.Results;

/// <summary>A plan as tools return it: id and hash to confirm with, a bounded preview, and where the full plan is.</summary>
public sealed record PlanSummary(
    string PlanId,
    string PlanHash,
    string Title,
    bool Destructive,
    int Changes,
    int Skipped,
    IReadOnlyList<string> Warnings,
    PlanEstimate Estimate,
    string Preview,
    string ExportedTo)
{
    public const int PageSize = 50;

    /// <summary>The whole plan as an MCP resource (resources/read).</summary>
    public string ResourceUri => Resources.ResourceUris.Plan(PlanId);

    public static PlanSummary From(OperationPlan plan, string exportedTo) => new(
        plan.Id,
        plan.Hash,
        plan.Title,
        plan.IsDestructive,
        plan.Changes.Count,
        plan.Skipped.Count,
        [.. plan.Warnings.Take(PlanPreview.WarningsShown)],
        plan.Estimate,
        PlanPreview.Render(plan, PageSize),
        exportedTo);
}
