namespace BulkWizard.Registry.Wire;

internal sealed record WireReference(string Name, string Subject, int Version);
