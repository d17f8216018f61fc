namespace BulkWizard.Server.Configuration;

/// <summary>Confirmation rules the operator can tighten (section <c>BulkWizard:Safety</c>).</summary>
public sealed class SafetyOptions
{
    /// <summary>Refuse destructive execution from clients that cannot show forms, so only a person can confirm it.</summary>
    public bool RequireElicitationForDestructive { get; set; }

    /// <summary>Minutes a plan stays confirmable; older plans must be made again against the registry as it is.</summary>
    public int PlanLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds the execution lease kept in each registry a run writes to holds without renewal (renewed every third);
    /// 0 keeps no lease, only the local lock of the data directory.
    /// </summary>
    public int RegistryLeaseSeconds { get; set; } = 120;
}
