namespace BulkWizard.Core.Execution.Journal;

/// <summary>The first line: which plan runs, on which registry, as which task, with how many changes, and in which process.</summary>
/// <param name="Owner">The process that runs it: while that process lives, a journal without its last line is a run still going, not an interrupted one.</param>
internal sealed record StartedEntry(string PlanId, string Registry, string TaskId, int TotalItems, RunOwner? Owner = null) : JournalEntry;
