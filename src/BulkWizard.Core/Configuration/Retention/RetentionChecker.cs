using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Inventory;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// Finds the subjects that keep more versions than their retention policy allows. Reads the registry once with the
/// paged listing cleanup uses (<see cref="RegistryVersions"/>) and judges each subject by cleanup's own rule
/// (<see cref="CleanupCandidates"/> for old versions, soft): the live versions outside the newest <c>keep_last</c> (1
/// when the policy has only <c>older_than_days</c>, as a version archival keeps it) and, with <c>older_than_days</c>,
/// last written before that many days ago. So a cleanup of old versions, or an archival, with the policy's limits
/// deletes exactly the versions reported, less those kept because other schemas reference them (also reported).
/// </summary>
public sealed class RetentionChecker(IRegistryGateway gateway, TimeProvider clock)
{
    /// <summary>With only <c>older_than_days</c>, the newest live version always stays.</summary>
    private const int KeptWithoutKeepLast = 1;

    /// <summary>
    /// The violations of the selected subjects that a policy of this registry applies to, in the given order; subjects
    /// without a policy are not judged.
    /// </summary>
    /// <exception cref="NotSupportedException">A policy with <c>older_than_days</c> applies, but the registry (before 8.0) does not report when versions were written.</exception>
    public Task<IReadOnlyList<RetentionViolation>> CheckAsync(IReadOnlyList<QualifiedSubject> subjects, IReadOnlyList<RetentionPolicy> policies, CancellationToken ct) =>
        CheckGovernedAsync(Governed(subjects, policies), ct);

    /// <summary>The check as a report: the violations, the policies that apply, and what was left unchecked for want of a policy.</summary>
    public async Task<RetentionReport> ReportAsync(IReadOnlyList<QualifiedSubject> subjects, IReadOnlyList<RetentionPolicy> policies, CancellationToken ct)
    {
        var governed = Governed(subjects, policies);
        var violations = await CheckGovernedAsync(governed, ct);
        var applied = governed.Select(g => g.Policy).Distinct().OrderBy(p => p.Pattern, StringComparer.Ordinal).ToList();
        var name = gateway.Registry.Name;
        var stored = policies.Count(p => string.Equals(p.Registry, name, StringComparison.OrdinalIgnoreCase));
        var message = stored == 0 ? $"No retention policy is stored for registry '{name}': nothing to check."
            : governed.Count == 0 ? $"No retention policy of registry '{name}' selects these subjects ({stored} stored): nothing to check."
            : governed.Count < subjects.Count ? $"{subjects.Count - governed.Count} of the {subjects.Count} selected subjects have no retention policy and were not checked."
            : null;
        return new RetentionReport(name, violations, applied, subjects.Count, governed.Count, message);
    }

    private List<(QualifiedSubject Subject, RetentionPolicy Policy)> Governed(IReadOnlyList<QualifiedSubject> subjects, IReadOnlyList<RetentionPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(policies);
        var matcher = new RetentionPolicyMatcher(gateway.Registry.Name, policies);
        return [.. subjects.Select(s => (Subject: s, Policy: matcher.For(s))).Where(g => g.Policy is not null).Select(g => (g.Subject, g.Policy!))];
    }

    private async Task<IReadOnlyList<RetentionViolation>> CheckGovernedAsync(List<(QualifiedSubject Subject, RetentionPolicy Policy)> governed, CancellationToken ct)
    {
        if (governed.Count == 0)
        {
            return [];
        }

        await EnsureWriteTimesAsync(governed.Select(g => g.Policy), ct);
        var registry = await RegistryVersions.ReadAsync(gateway, governed.Select(g => g.Subject).ToHashSet(), ct);
        var now = clock.GetUtcNow();
        var over = governed
            .Select(g => (g.Subject, g.Policy, Versions: CleanupCandidates.Of(registry.VersionsOf(g.Subject), RequestFor(g.Policy, now)).Select(v => v.Version).Order().ToList()))
            .Where(g => g.Versions.Count > 0)
            .ToList();

        // As a cleanup of all of them would find: a version that a live schema outside the deleted ones references stays.
        var deleting = over.SelectMany(g => g.Versions.Select(v => new VersionKey(g.Subject, v))).ToHashSet();
        var kept = ReferenceGuard.Apply(deleting, registry, permanent: false).Keys.ToHashSet();
        return [.. over.Select(g => new RetentionViolation(g.Subject.ToString(), g.Policy.Pattern, g.Versions)
        {
            KeptByReferences = [.. g.Versions.Where(v => kept.Contains(new VersionKey(g.Subject, v)))],
        })];
    }

    private static CleanupRequest RequestFor(RetentionPolicy policy, DateTimeOffset now) =>
        new(CleanupTypes.OldVersions, Permanent: false, policy.KeepLast ?? KeptWithoutKeepLast, RemoveEmptyContext: false)
        {
            OlderThan = policy.OlderThanDays is { } days ? now.AddDays(-days) : null,
        };

    private async Task EnsureWriteTimesAsync(IEnumerable<RetentionPolicy> applied, CancellationToken ct)
    {
        if (applied.FirstOrDefault(p => p.OlderThanDays is not null) is { } aged
            && await gateway.GetCapabilitiesAsync(ct) is { ReportsFullSchemaFields: false } capabilities)
        {
            throw new NotSupportedException(
                $"older_than_days: the policy '{aged.Pattern}' of registry '{gateway.Registry.Name}' needs each version's write time, which registries report " +
                $"from 8.0; '{gateway.Registry.Name}' reports version {capabilities.ReportedVersion ?? "unknown"}. Judge it with keep_last only.");
        }
    }
}
