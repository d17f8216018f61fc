using BulkWizard.Core.Tasks;

namespace BulkWizard.Server.Execution;

/// <summary>The task a plan runs as, or why it may not run now (nothing started, nothing spent).</summary>
public sealed record PlanRun(BulkTask? Task, string? Refusal)
{
    public static PlanRun Refused(string refusal) => new(null, refusal);
}
