namespace BulkWizard.Core.Execution.Leasing;

/// <summary>How the advisory lease a run keeps in each registry it writes to behaves (<see cref="RegistryLease"/>).</summary>
public sealed record RegistryLeaseOptions
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(2);

    /// <summary>How long a lease holds without renewal. A run renews it every third of this; a server that died lets it lapse.</summary>
    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>
    /// How long to wait between writing the lease and reading it back. The REST API has no compare-and-set: two
    /// servers that read "free" at the same moment both write, and the later write wins; waiting longer than a
    /// request takes lets the earlier writer see that and back off.
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RenewEvery => Duration / 3;
}
