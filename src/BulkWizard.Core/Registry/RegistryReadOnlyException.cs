namespace BulkWizard.Core.Registry;

/// <summary>A write to a registry configured read-only, refused before any request was sent.</summary>
public sealed class RegistryReadOnlyException(string registryName, string operation)
    : InvalidOperationException($"Registry '{registryName}' is configured read-only; {operation} was refused and nothing was sent.")
{
    public string RegistryName { get; } = registryName;

    public string Operation { get; } = operation;
}
