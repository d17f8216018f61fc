using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// The cleanup types by <c>cleanup_type</c>: deprecated, test, old versions, custom pattern. The wizard, the arguments
/// record and the planner look a type up here; a new cleanup type is one more entry.
/// </summary>
internal static class CleanupTypes
{
    public static CleanupType Deprecated { get; } = new(CleanupKeys.Deprecated, "cleanup_deprecated", "cleanup_deprecated_description")
    {
        ImpliedSelector = SelectionKeys.Deprecated,
        Noun = "deprecated schemas",
        FilterAsync = async (gateway, options, token) =>
        {
            var marked = await DeprecationReader.ReadAsync(gateway, options.DeprecatedProperty, token);
            return s => marked.Contains(s) || options.DeprecatedPrefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal));
        },
    };

    public static CleanupType Test { get; } = new(CleanupKeys.Test, "cleanup_test", "cleanup_test_description")
    {
        ImpliedSelector = SelectionKeys.Test,
        Noun = "test schemas",
        FilterAsync = (_, options, _) => Task.FromResult<Func<QualifiedSubject, bool>>(
            s => options.TestPrefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal))),
    };

    public static CleanupType OldVersions { get; } = new(CleanupKeys.OldVersions, "cleanup_old_versions", "cleanup_old_versions_description")
    {
        KeepsNewest = true,
        Missing = a => a.KeepLast is null
            ? OperationArguments.MissingFor("keep_last", $"cleanup_type '{CleanupKeys.OldVersions}'", "the number of newest live versions to keep, at least 1")
            : null,
    };

    public static CleanupType Pattern { get; } = new(CleanupKeys.Pattern, "cleanup_pattern", "cleanup_pattern_description");

    public static IReadOnlyList<CleanupType> All { get; } = [Deprecated, Test, OldVersions, Pattern];

    public static IEnumerable<string> Values => All.Select(t => t.Value);

    public static CleanupType? Find(string? value) => All.FirstOrDefault(t => t.Value == value);

    /// <summary>Types that select by a pattern or by subjects only: the planning tool needs one of them.</summary>
    public static bool NeedsSelection(string? value) => Find(value) is { ImpliedSelector: null };
}
