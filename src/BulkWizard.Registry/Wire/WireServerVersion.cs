namespace BulkWizard.Registry.Wire;

internal sealed record WireServerVersion(string? Version, string? CommitId);
