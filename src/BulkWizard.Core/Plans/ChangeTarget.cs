namespace BulkWizard.Core.Plans;

/// <summary>What a change acts on, to name it from another change: its registry (null: the plan's own) and its subject.</summary>
public sealed record ChangeTarget(string? Registry, string Subject);
