using BulkWizard.Core.Plans;

namespace BulkWizard.Server.Tools.Results;

/// <summary>One page of a plan's changes, with its skipped subjects, warnings and estimate.</summary>
public sealed record PlanPage(
    string PlanId,
    string PlanHash,
    string Registry,
    string Title,
    bool Destructive,
    int Page,
    int Pages,
    int TotalChanges,
    IReadOnlyList<PlanItem> Changes,
    IReadOnlyList<SkippedSubject> Skipped,
    IReadOnlyList<string> Warnings,
    PlanEstimate Estimate,
    string ExportedTo)
{
    /// <summary>The whole plan as an MCP resource (resources/read).</summary>
    public string ResourceUri => Resources.ResourceUris.Plan(PlanId);

    public static PlanPage Of(OperationPlan plan, int page, int pageSize, string exportedTo)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(plan.Changes.Count / (double)pageSize));
        var items = plan.Changes.Select((c, i) => new PlanItem(i, c.Subject, c.Describe(), c.Before?.ToJsonString(), c.After?.ToJsonString(), c.IsDestructive))
            .Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new PlanPage(plan.Id, plan.Hash, plan.Registry, plan.Title, plan.IsDestructive, page, pages, plan.Changes.Count, items,
            page == 1 ? plan.Skipped : [], page == 1 ? plan.Warnings : [], plan.Estimate, exportedTo);
    }
}
