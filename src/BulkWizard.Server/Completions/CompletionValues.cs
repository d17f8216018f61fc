using ModelContextProtocol.Protocol;

namespace BulkWizard.Server.Completions;

/// <summary>The spec's answer shape: at most <see cref="Max"/> values, <c>total</c> counting every match, <c>hasMore</c> when some were left out.</summary>
internal static class CompletionValues
{
    public const int Max = 100;

    public static CompleteResult Of(IEnumerable<string> candidates, string typed, StringComparison comparison)
    {
        var matches = candidates.Where(c => c.StartsWith(typed, comparison)).Distinct(StringComparer.Ordinal).ToList();
        return new CompleteResult
        {
            Completion = new Completion { Values = [.. matches.Take(Max)], Total = matches.Count, HasMore = matches.Count > Max },
        };
    }

    public static CompleteResult None { get; } = new() { Completion = new Completion { Values = [], Total = 0, HasMore = false } };
}
