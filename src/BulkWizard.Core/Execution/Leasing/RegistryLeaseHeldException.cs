namespace BulkWizard.Core.Execution.Leasing;

/// <summary>Another server holds a live lease on the registry: the run does not start.</summary>
internal sealed class RegistryLeaseHeldException(string registryName, LeaseHolder holder, string message) : Exception(message)
{
    public string RegistryName { get; } = registryName;

    public LeaseHolder Holder { get; } = holder;
}
