namespace BulkWizard.Bench.EndToEnd;

/// <summary>Small summaries of repeated measurements.</summary>
internal static class Statistics
{
    /// <summary>The middle value (the mean of the two middle ones for an even count).</summary>
    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
