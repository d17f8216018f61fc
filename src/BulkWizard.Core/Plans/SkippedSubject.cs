namespace BulkWizard.Core.Plans;

/// <summary>A selected subject the plan leaves alone, and why (e.g. "mode READONLY (subject)").</summary>
public sealed record SkippedSubject(string Subject, string Reason);
