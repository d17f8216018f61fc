namespace BulkWizard.Core.Execution.Journal;

/// <summary>A version a change deleted (soft, or permanently), written before the delete is sent.</summary>
/// <param name="Registry">The registry written to, when it is not the plan's own.</param>
internal sealed record VersionDeletedEntry(int Index, string Subject, int Version, bool Permanent, string? Registry = null) : ItemEntry(Index, Subject);
