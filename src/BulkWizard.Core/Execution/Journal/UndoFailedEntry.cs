namespace BulkWizard.Core.Execution.Journal;

/// <summary>The undo of an applied change failed; the change is still in the registry.</summary>
internal sealed record UndoFailedEntry(int Index, string Subject, string Error) : ItemEntry(Index, Subject);
