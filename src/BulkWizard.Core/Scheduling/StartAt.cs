using System.Globalization;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Scheduling;

/// <summary>
/// The <c>start_at</c> of a scheduled confirmation: a UTC time in ISO 8601 (an offset is converted), after now and at
/// most <see cref="Horizon"/> ahead. Each error names <c>start_at</c> and what is allowed.
/// </summary>
public static partial class StartAt
{
    /// <summary>How far ahead a run can be scheduled: a maintenance window, not a calendar.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    /// <summary>The time in UTC, or the error naming <c>start_at</c>.</summary>
    public static (DateTimeOffset? Value, string? Error) Parse(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!Iso8601().IsMatch(trimmed) || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return (null, $"start_at: '{text}' is not a time in ISO 8601 with its offset; give a UTC time such as 2026-12-24T22:00:00Z (Z, or an offset like +01:00).");
        }

        var utc = parsed.ToUniversalTime();
        if (utc <= now)
        {
            return (null, $"start_at: {Format(utc)} is not in the future (now {Format(now)}); give a time after now, at most {Horizon.TotalDays:0} days ahead.");
        }

        return utc - now > Horizon
            ? (null, $"start_at: {Format(utc)} is more than {Horizon.TotalDays:0} days ahead; give a time no later than {Format(now + Horizon)}.")
            : (utc, null);
    }

    /// <summary>As the messages write times: UTC, to the second, with Z.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso8601();
}
