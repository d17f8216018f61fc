using BulkWizard.Compatibility;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// Which guarantees a level gives (backward, forward, each to the latest or to every version). A change
/// loosens a level when the old level guaranteed something the new one does not.
/// </summary>
internal static class CompatibilityStrictness
{
    [Flags]
    private enum Guarantee
    {
        None = 0,
        BackwardLatest = 1,
        BackwardAll = 2,
        ForwardLatest = 4,
        ForwardAll = 8,
    }

    public static bool Loosens(CompatibilityLevel from, CompatibilityLevel to) => (Of(from) & ~Of(to)) != Guarantee.None;

    private static Guarantee Of(CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.Backward => Guarantee.BackwardLatest,
        CompatibilityLevel.BackwardTransitive => Guarantee.BackwardLatest | Guarantee.BackwardAll,
        CompatibilityLevel.Forward => Guarantee.ForwardLatest,
        CompatibilityLevel.ForwardTransitive => Guarantee.ForwardLatest | Guarantee.ForwardAll,
        CompatibilityLevel.Full => Guarantee.BackwardLatest | Guarantee.ForwardLatest,
        CompatibilityLevel.FullTransitive => Guarantee.BackwardLatest | Guarantee.BackwardAll | Guarantee.ForwardLatest | Guarantee.ForwardAll,
        _ => Guarantee.None,
    };
}
