namespace BulkWizard.Server.Tools.Results;

/// <summary>One item of a run's report: the change, its planned before and after (JSON), its outcome and why.</summary>
public sealed record ReportItem(int Index, string Subject, string? Registry, string Change, string? Before, string? After, string Outcome, string? Message);
