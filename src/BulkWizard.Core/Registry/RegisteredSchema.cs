namespace BulkWizard.Core.Registry;

/// <summary>What a registration produced. Version and guid come back from 8.0+ registries, or from a verifying re-read.</summary>
public sealed record RegisteredSchema(int Id, int? Version, string? SchemaGuid);
