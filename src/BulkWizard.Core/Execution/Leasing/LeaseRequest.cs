namespace BulkWizard.Core.Execution.Leasing;

/// <summary>What a lease says about the run that takes it.</summary>
internal sealed record LeaseRequest(string PlanId, string? TaskId, string ConfirmedBy);
