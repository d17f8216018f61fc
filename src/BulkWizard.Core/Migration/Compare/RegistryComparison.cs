namespace BulkWizard.Core.Migration.Compare;

/// <summary>What differs between the selected versions of two sides, each list sorted by subject, then version.</summary>
/// <param name="SubjectsCompared">Distinct subject names on either side.</param>
/// <param name="VersionsCompared">Distinct (subject, version) pairs on either side.</param>
/// <param name="Missing">Source versions absent in the target (and not found there under another version number).</param>
/// <param name="Extra">Target versions absent in the source (and not holding a source version's schema under another number).</param>
/// <param name="Differing">Source versions whose target counterpart differs.</param>
public sealed record RegistryComparison(
    int SubjectsCompared,
    int VersionsCompared,
    CappedList<ComparedVersion> Missing,
    CappedList<ComparedVersion> Extra,
    CappedList<DifferingVersion> Differing)
{
    public bool Identical => Missing.Total == 0 && Extra.Total == 0 && Differing.Total == 0;
}
