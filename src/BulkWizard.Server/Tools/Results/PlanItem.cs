namespace BulkWizard.Server.Tools.Results;

/// <summary>One planned change: its index in the plan, subject, a line for people, and the exact before and after states as JSON.</summary>
public sealed record PlanItem(int Index, string Subject, string Change, string? Before, string? After, bool Destructive);
