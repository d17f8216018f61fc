using BulkWizard.Core.Cleanup.Impact;

namespace BulkWizard.Server.Tools.Results;

/// <summary>How many subjects got each verdict.</summary>
public sealed record ImpactSummary(int Subjects, int Affected, int NoneSeen, int Unknown)
{
    public static ImpactSummary Of(IReadOnlyList<SubjectImpact> impacts) =>
        new(
            impacts.Count,
            impacts.Count(i => i.Verdict == ImpactVerdict.Affected),
            impacts.Count(i => i.Verdict == ImpactVerdict.NoneSeen),
            impacts.Count(i => i.Verdict == ImpactVerdict.Unknown));
}
