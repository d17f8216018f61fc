using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Registry;

/// <summary>The configured registries and one gateway for each.</summary>
public interface IRegistryGatewayProvider
{
    IReadOnlyList<RegistryOptions> Registries { get; }

    /// <summary>The registry marked default, else the first one.</summary>
    RegistryOptions Default { get; }

    /// <summary>The gateway of the named registry (case-insensitive); null names the default.</summary>
    /// <exception cref="RegistryNotConfiguredException">No registry has that name; the message lists the configured ones.</exception>
    IRegistryGateway Get(string? name);
}
