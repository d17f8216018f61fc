using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>Puts a <see cref="RuleSetProbeChange"/> first in a migration plan whose copies carry rule sets, and makes those copies wait for it.</summary>
internal static class RuleSetCheck
{
    /// <summary>The number of copied versions that carry a rule set, or null (and the plan unchanged) when none does.</summary>
    public static int? Add(List<PlannedChange> changes, string targetContext, string? targetRegistry)
    {
        var carrying = 0;
        var probe = new RuleSetProbeChange(new QualifiedSubject(targetContext, RuleSetProbeChange.ProbeName).ToString(), 0) { Registry = targetRegistry };
        var waits = new ChangeTarget(targetRegistry, probe.Subject);
        for (var i = 0; i < changes.Count; i++)
        {
            var written = changes[i] switch
            {
                SubjectImportChange import => CountCarrying(import.Copy.Versions.Where(v => import.TargetAtPlanning.Find(v.Version) is null)),
                SubjectCopyChange copy => CountCarrying(copy.Versions),
                _ => 0,
            };
            if (written > 0)
            {
                carrying += written;
                changes[i] = changes[i] with { RequiresApplied = waits };
            }
        }

        if (carrying == 0)
        {
            return null;
        }

        changes.Insert(0, probe with { CarryingVersions = carrying });
        return carrying;
    }

    private static int CountCarrying(IEnumerable<SchemaVersion> versions) => versions.Count(v => v.RuleSet is { Count: > 0 });
}
