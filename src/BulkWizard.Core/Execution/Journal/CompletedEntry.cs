namespace BulkWizard.Core.Execution.Journal;

/// <summary>The last line of a finished run, with its final task status (completed, failed, rolled_back, …).</summary>
internal sealed record CompletedEntry(string Status) : JournalEntry;
