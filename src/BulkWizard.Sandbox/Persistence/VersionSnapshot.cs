namespace BulkWizard.Sandbox.Persistence;

internal sealed record VersionSnapshot(int Version, int Id, bool Deleted, long Timestamp);
