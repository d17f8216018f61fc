namespace BulkWizard.Core.Execution.Journal;

/// <summary>The run stopped before its end (host shutdown, closed client); its applied items may need undoing after a restart.</summary>
internal sealed record InterruptedEntry(string Reason) : JournalEntry;
