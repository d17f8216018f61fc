namespace BulkWizard.Server.Completions;

/// <summary>
/// Patterns a user may mean while typing one, from the registry's own names: each prefix of a matching name that ends
/// at a separator, with <c>*</c> (<c>test-</c> → <c>test-*</c>, <c>test-orders-*</c>), then the names themselves.
/// Linear in the number of names.
/// </summary>
internal static class SubjectPatternSuggestions
{
    private static readonly char[] Separators = ['-', '_', '.'];

    /// <param name="names">Subject names as a pattern writes them (<c>orders</c>, or <c>:.staging:orders</c> in a context).</param>
    /// <param name="typed">What the user has typed so far.</param>
    public static IEnumerable<string> For(IEnumerable<string> names, string typed)
    {
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        var exact = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!name.StartsWith(typed, StringComparison.Ordinal))
            {
                continue;
            }

            exact.Add(name);
            for (var at = name.IndexOfAny(Separators, Math.Max(typed.Length - 1, 0)); at >= 0 && at < name.Length - 1; at = name.IndexOfAny(Separators, at + 1))
            {
                prefixes.Add(name[..(at + 1)] + "*");
            }
        }

        return [.. prefixes, .. exact];
    }
}
