namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// A subject that keeps more than its policy allows: the live versions over the limit, ascending, exactly the ones
/// cleanup's old versions (or a version archival, for <c>older_than_days</c>) with the policy's limits would delete.
/// </summary>
/// <param name="Policy">The pattern of the policy that applies to the subject (its most specific match).</param>
public sealed record RetentionViolation(string Subject, string Policy, IReadOnlyList<int> VersionsOverLimit)
{
    /// <summary>Of <see cref="VersionsOverLimit"/>, those a live schema outside them still references: a cleanup keeps them until that referrer goes.</summary>
    public IReadOnlyList<int> KeptByReferences { get; init; } = [];
}
