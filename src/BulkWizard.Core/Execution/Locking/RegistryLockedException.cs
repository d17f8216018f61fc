namespace BulkWizard.Core.Execution.Locking;

/// <summary>Another execution, in this or another live process, holds the registry's lock.</summary>
internal sealed class RegistryLockedException(string registryName, LockHolder? holder, string message)
    : Exception(message)
{
    public string RegistryName { get; } = registryName;

    /// <summary>The holder, or null when its lock file could not be read.</summary>
    public LockHolder? Holder { get; } = holder;
}
