namespace BulkWizard.Core.Execution.Journal;

/// <summary>The first line: which plan runs, on which registry, as which task, with how many changes.</summary>
internal sealed record StartedEntry(string PlanId, string Registry, string TaskId, int TotalItems) : JournalEntry;
