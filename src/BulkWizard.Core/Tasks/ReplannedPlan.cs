namespace BulkWizard.Core.Tasks;

/// <summary>
/// The plan a scheduled task's answers gave at its time, when it was not the one confirmed: saved, so it can be
/// reviewed (<c>get_bulk_plan</c>) and confirmed instead.
/// </summary>
/// <param name="Summary">Its title and size, e.g. "Set compatibility FULL on orders-*: 2 change(s)."</param>
public sealed record ReplannedPlan(string PlanId, string PlanHash, string Summary, int Changes, bool IsDestructive);
