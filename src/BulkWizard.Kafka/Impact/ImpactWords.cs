namespace BulkWizard.Kafka.Impact;

/// <summary>Small pieces of the verdicts' sentences.</summary>
internal static class ImpactWords
{
    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    public static string Quoted(IEnumerable<string> names) => Join([.. names.Select(n => $"'{n}'")]);

    public static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
