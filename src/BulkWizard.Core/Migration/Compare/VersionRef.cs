namespace BulkWizard.Core.Migration.Compare;

/// <summary>Where a schema sits on one side: its id and version number.</summary>
public sealed record VersionRef(int Id, int Version);
