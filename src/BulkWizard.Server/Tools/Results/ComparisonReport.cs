using BulkWizard.Core.Migration.Compare;

namespace BulkWizard.Server.Tools.Results;

/// <summary>What compare_registries found: the two sides, what was compared, and each list with its total.</summary>
public sealed record ComparisonReport(
    ComparedEnd Source,
    ComparedEnd Target,
    int SubjectsCompared,
    int VersionsCompared,
    CappedList<ComparedVersion> Missing,
    CappedList<ComparedVersion> Extra,
    CappedList<DifferingVersion> Differing,
    bool Identical)
{
    public static ComparisonReport Of(ComparedEnd source, ComparedEnd target, RegistryComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new(
            source,
            target,
            comparison.SubjectsCompared,
            comparison.VersionsCompared,
            comparison.Missing,
            comparison.Extra,
            comparison.Differing,
            comparison.Identical);
    }
}
