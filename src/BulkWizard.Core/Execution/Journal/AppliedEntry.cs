namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// The change is in the registry. Its states before and after are in the plan the journal names; the state it
/// replaced is in the item's applying line.
/// </summary>
internal sealed record AppliedEntry(int Index, string Subject) : ItemEntry(Index, Subject);
