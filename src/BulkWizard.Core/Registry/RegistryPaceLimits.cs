namespace BulkWizard.Core.Registry;

/// <summary>The allowed range of <see cref="RegistryOptions.MaxWritesPerMinute"/>.</summary>
public static class RegistryPaceLimits
{
    /// <summary>1,000 writes a second: above that a ceiling would not protect a registry.</summary>
    public const int MaxWritesPerMinute = 60_000;
}
