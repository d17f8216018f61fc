namespace BulkWizard.Core.Registry;

/// <summary>A registry mode. Kept as a name so a mode added by a later release still round-trips.</summary>
public sealed record RegistryMode
{
    public RegistryMode(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.ToUpperInvariant();
    }

    public static RegistryMode ReadWrite { get; } = new("READWRITE");

    public static RegistryMode ReadOnly { get; } = new("READONLY");

    /// <summary>Deprecated by the registry; acts as <see cref="ReadOnly"/>.</summary>
    public static RegistryMode ReadOnlyOverride { get; } = new("READONLY_OVERRIDE");

    /// <summary>Accepts only registrations that carry an id; skips validation and compatibility.</summary>
    public static RegistryMode Import { get; } = new("IMPORT");

    /// <summary>8.1 and later, global context only.</summary>
    public static RegistryMode Forward { get; } = new("FORWARD");

    public string Name { get; }

    public override string ToString() => Name;
}
