namespace BulkWizard.Server.Tools;

/// <param name="InterruptedOperations">Operations a server process did not finish (list_interrupted_operations): their changes may be half done.</param>
public sealed record RegistryList(IReadOnlyList<RegistryEntry> Registries, int InterruptedOperations);
