namespace BulkWizard.Server.Tools;

/// <summary>One configured registry as <c>list_registries</c> shows it. The URL never carries credentials.</summary>
public sealed record RegistryEntry(
    string Name,
    string Url,
    bool ReadOnly,
    bool Default,
    bool Reachable,
    string? Version,
    RegistryCapabilities? Capabilities,
    string? Error);
