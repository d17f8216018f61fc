namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// A version a change registered, written once the registry confirmed it. Restore and undo read these without
/// knowing the change kind: a run's own versions are the ones a restore of its backup removes.
/// </summary>
/// <param name="Registry">The registry written to, when it is not the plan's own.</param>
internal sealed record VersionCreatedEntry(int Index, string Subject, int Version, int Id, string? Registry = null) : ItemEntry(Index, Subject);
