namespace BulkWizard.Registry.Wire;

internal sealed record WireMode(string? Mode);
