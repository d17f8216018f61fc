namespace BulkWizard.Registry;

/// <summary>
/// How the gateway retries reads and config, mode and context writes. Registrations and deletes of
/// versions and subjects are never repeated blindly: after a lost answer they are sent again only when a re-read
/// shows they were not applied (<see cref="CheckedWriteRetry"/>), as many times and with the same backoff. The
/// per-attempt timeout is the registry's <c>RequestTimeoutSeconds</c>.
/// </summary>
public sealed class RegistryResilienceOptions
{
    /// <summary>Retries after the first attempt; 3 by default, 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; it doubles per attempt, with jitter. 1 s by default.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No backoff (nor a registry's Retry-After) waits longer than this; 30 s by default.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    public string? Validate() =>
        MaxRetryAttempts is < 0 or > 10 ? $"MaxRetryAttempts must be 0-10 (got {MaxRetryAttempts})."
        : BaseDelay <= TimeSpan.Zero ? $"BaseDelay must be positive (got {BaseDelay})."
        : MaxDelay < BaseDelay ? $"MaxDelay ({MaxDelay}) must not be below BaseDelay ({BaseDelay})."
        : null;
}
