namespace BulkWizard.Compatibility;

/// <summary>A registry compatibility level; see <see cref="CompatibilityLevels"/> for its wire spelling.</summary>
public enum CompatibilityLevel
{
    None,
    Backward,
    BackwardTransitive,
    Forward,
    ForwardTransitive,
    Full,
    FullTransitive,
}
