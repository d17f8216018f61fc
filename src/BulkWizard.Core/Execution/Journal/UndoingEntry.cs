namespace BulkWizard.Core.Execution.Journal;

/// <summary>Written before the writes that undo an applied change, so an interrupted undo is known after a restart.</summary>
internal sealed record UndoingEntry(int Index, string Subject) : ItemEntry(Index, Subject);
