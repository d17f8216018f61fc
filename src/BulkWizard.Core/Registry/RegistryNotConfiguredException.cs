namespace BulkWizard.Core.Registry;

/// <summary>A registry name that matches no configured registry.</summary>
public sealed class RegistryNotConfiguredException(string name, IReadOnlyList<string> configuredNames)
    : InvalidOperationException(
        configuredNames.Count == 0
            ? $"Registry '{name}' is not configured: no registry is configured."
            : $"Registry '{name}' is not configured. Configured registries: {string.Join(", ", configuredNames)}.")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> ConfiguredNames { get; } = configuredNames;
}
