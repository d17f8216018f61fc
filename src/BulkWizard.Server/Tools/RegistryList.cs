namespace BulkWizard.Server.Tools;

public sealed record RegistryList(IReadOnlyList<RegistryEntry> Registries);
