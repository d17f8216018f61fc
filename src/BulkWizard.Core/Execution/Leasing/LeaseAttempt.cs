namespace BulkWizard.Core.Execution.Leasing;

/// <summary>A lease taken, or the notice of why the registry cannot hold one.</summary>
internal sealed record LeaseAttempt(RegistryLease? Lease, string? Notice)
{
    public static LeaseAttempt Held(RegistryLease lease) => new(lease, null);

    public static LeaseAttempt Unavailable(string notice) => new(null, notice);
}
