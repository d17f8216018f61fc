namespace BulkWizard.Sandbox.Persistence;

internal sealed record ContextSnapshot(string Name, int MaxId, bool Listed);
