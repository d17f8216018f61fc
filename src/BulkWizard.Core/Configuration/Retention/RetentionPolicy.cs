using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// How many versions the subjects a pattern selects in one registry may keep: the newest <paramref name="KeepLast"/>
/// live versions, and/or none written more than <paramref name="OlderThanDays"/> days ago beyond the newest live one.
/// With both, a version is over the limit when it is outside the newest KeepLast and older than the days, as cleanup's
/// <c>old_versions</c> and version archival with <c>keep_last</c> and <c>older_than</c> delete them.
/// </summary>
/// <param name="Pattern">A subject pattern as selections write it (<c>orders-*</c>, <c>:.staging:*</c>, <c>:*:test-*</c>).</param>
/// <param name="SetAt">When it was set; of two equally specific policies matching a subject, the later one applies.</param>
public sealed record RetentionPolicy(string Registry, string Pattern, int? KeepLast, int? OlderThanDays, DateTimeOffset SetAt)
{
    /// <summary>The first thing wrong with the policy, naming its field (<c>keep_last: 0 is not allowed…</c>); null when it is valid.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Registry))
        {
            return "registry: missing; give the name of a configured registry.";
        }

        if (string.IsNullOrWhiteSpace(Pattern))
        {
            return "pattern: missing; give a glob such as orders-*, :.staging:orders-* or :*:test-*.";
        }

        try
        {
            SubjectPattern.Parse(Pattern);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        return KeepLast is < 1 ? $"keep_last: {KeepLast} is not allowed: give a whole number of at least 1 (the newest live versions kept per subject)."
            : OlderThanDays is < 1 ? $"older_than_days: {OlderThanDays} is not allowed: give a whole number of days, at least 1."
            : KeepLast is null && OlderThanDays is null ? "keep_last, older_than_days: give at least one of them."
            : null;
    }

    /// <summary>As people read it: "keep the last 5 versions, none older than 90 days".</summary>
    public string Describe() => string.Join(", ", new[]
    {
        KeepLast is { } keep ? $"keep the last {keep} version{(keep == 1 ? "" : "s")}" : null,
        OlderThanDays is { } days ? $"{(KeepLast is null ? "keep" : "and")} none older than {days} day{(days == 1 ? "" : "s")} but the newest" : null,
    }.OfType<string>());
}
