namespace BulkWizard.Core.Execution;

/// <summary>The outcome of one planned change, by its index in the plan.</summary>
public sealed record ItemResult(int Index, string Subject, ItemOutcome Outcome, string? Message = null);
