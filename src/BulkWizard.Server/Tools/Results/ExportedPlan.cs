namespace BulkWizard.Server.Tools.Results;

/// <summary>What <c>export_plan</c> wrote: the plan's JSON for a change ticket and the review page beside it.</summary>
public sealed record ExportedPlan(
    string PlanId,
    string PlanHash,
    string Title,
    int Changes,
    int Skipped,
    string JsonPath,
    string HtmlPath,
    string HashProves);
