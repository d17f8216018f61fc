using BulkWizard.Compatibility;
using BulkWizard.Core.SchemaUpdate;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// "At least as strict as" a level, judged by guarantees: levels are a partial order (BACKWARD and FORWARD are not
/// comparable), so a level meets a floor when it gives every guarantee the floor gives (<see cref="CompatibilityStrictness"/>).
/// </summary>
internal static class CompatibilityFloor
{
    private static readonly CompatibilityLevel[] Levels = Enum.GetValues<CompatibilityLevel>();

    public static bool Meets(CompatibilityLevel level, CompatibilityLevel floor) => !CompatibilityStrictness.Loosens(floor, level);

    /// <summary>Every level that meets <paramref name="floor"/>, weakest first.</summary>
    public static IReadOnlyList<CompatibilityLevel> Meeting(CompatibilityLevel floor) => [.. Levels.Where(l => Meets(l, floor))];

    /// <summary>
    /// The weakest level that meets <paramref name="floor"/> and keeps every guarantee <paramref name="current"/> gives:
    /// NONE under a BACKWARD floor becomes BACKWARD, FORWARD becomes FULL (a fix never loosens what producers rely on).
    /// </summary>
    public static CompatibilityLevel Raise(CompatibilityLevel current, CompatibilityLevel floor)
    {
        var candidates = Levels.Where(l => Meets(l, floor) && Meets(l, current)).ToList();
        return candidates.First(c => candidates.All(other => Meets(other, c)));
    }

    /// <summary>As violations state it: "BACKWARD or stricter: BACKWARD, BACKWARD_TRANSITIVE, FULL, FULL_TRANSITIVE".</summary>
    public static string Describe(CompatibilityLevel floor) =>
        $"{floor.Format()} or stricter: {string.Join(", ", Meeting(floor).Select(l => l.Format()))}";
}
