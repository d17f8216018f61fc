namespace BulkWizard.Core.Execution.Journal;

/// <summary>The applied change was undone: the target is back to its state before.</summary>
internal sealed record UndoneEntry(int Index, string Subject) : ItemEntry(Index, Subject);
