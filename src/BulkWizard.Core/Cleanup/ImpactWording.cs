using BulkWizard.Core.Cleanup.Impact;

namespace BulkWizard.Core.Cleanup;

/// <summary>How impact findings are put in a review question: topics once each, reasons grouped, long lists cut short.</summary>
internal static class ImpactWording
{
    private const int Shown = 10;

    public static List<string> Topics(IEnumerable<SubjectImpact> findings) =>
        [.. findings.Select(f => f.Topic).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The reasons, each once: alone when every subject shares it, else with the subjects it applies to; no final period.</summary>
    public static string Reasons(IEnumerable<SubjectImpact> findings)
    {
        var groups = findings.GroupBy(f => f.Reason.TrimEnd('.'), StringComparer.Ordinal).ToList();
        return groups.Count == 1
            ? groups[0].Key
            : List(groups.Select(g => g.Count() == 1 ? $"{g.First().Subject}: {g.Key}" : $"{g.Count()} subjects: {g.Key}"));
    }

    /// <summary>The first items joined, and how many more there are.</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        var shown = string.Join("; ", list.Take(Shown));
        return list.Count > Shown ? $"{shown}; and {list.Count - Shown} more" : shown;
    }
}
