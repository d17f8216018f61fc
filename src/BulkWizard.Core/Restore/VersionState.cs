namespace BulkWizard.Core.Restore;

/// <summary>One version of a subject as a restore compares it: its number, its schema id, and whether it is soft-deleted.</summary>
public sealed record VersionState(int Version, int Id, bool Deleted);
