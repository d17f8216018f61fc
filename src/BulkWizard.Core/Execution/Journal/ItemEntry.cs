namespace BulkWizard.Core.Execution.Journal;

/// <summary>An entry about one change of the plan: its index in the plan's change list and its subject.</summary>
public abstract record ItemEntry(int Index, string Subject) : JournalEntry;
