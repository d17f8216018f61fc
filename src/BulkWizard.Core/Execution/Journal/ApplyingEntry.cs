namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// Written before a write whose outcome matters. An item with this line and no outcome after it was
/// interrupted mid-write: its live state must be re-read before anything else is done to it.
/// </summary>
public sealed record ApplyingEntry(int Index, string Subject) : ItemEntry(Index, Subject);
