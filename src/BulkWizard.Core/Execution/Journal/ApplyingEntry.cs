namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// Written, and on disk, before a write whose outcome matters. An item with this line and no outcome after it was
/// interrupted mid-write: its live state must be re-read before anything else is done to it.
/// </summary>
/// <param name="Backup">The target's backup entry, taken by the read just before: the backup's own file is flushed
/// when the run ends, so until then this line is what proves the state the write replaced.</param>
internal sealed record ApplyingEntry(int Index, string Subject, Backups.SubjectBackup? Backup = null) : ItemEntry(Index, Subject);
