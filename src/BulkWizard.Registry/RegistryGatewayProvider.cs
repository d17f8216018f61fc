using BulkWizard.Core.Registry;

namespace BulkWizard.Registry;

/// <summary>One gateway per configured registry, addressed by name (case-insensitive).</summary>
internal sealed class RegistryGatewayProvider : IRegistryGatewayProvider
{
    private readonly Dictionary<string, IRegistryGateway> _gateways;

    public RegistryGatewayProvider(IReadOnlyList<RegistryOptions> registries, Func<RegistryOptions, IRegistryGateway> createGateway)
    {
        Registries = registries;
        _gateways = registries.ToDictionary(r => r.Name, createGateway, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<RegistryOptions> Registries { get; }

    public RegistryOptions Default =>
        Registries.FirstOrDefault(r => r.Default) ?? (Registries.Count > 0 ? Registries[0] : throw new RegistryNotConfiguredException("(default)", []));

    public IRegistryGateway Get(string? name) =>
        _gateways.TryGetValue(name ?? Default.Name, out var gateway)
            ? gateway
            : throw new RegistryNotConfiguredException(name!, [.. Registries.Select(r => r.Name)]);
}
