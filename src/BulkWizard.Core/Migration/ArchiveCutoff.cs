using System.Globalization;

namespace BulkWizard.Core.Migration;

/// <summary>An archive's <c>older_than</c>: an ISO 8601 date (midnight UTC) or date and time.</summary>
internal static class ArchiveCutoff
{
    public static bool TryParse(string text, out DateTimeOffset cutoff) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out cutoff);
}
