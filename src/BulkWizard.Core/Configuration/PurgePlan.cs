using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration;

/// <summary>The permanent deletes planned before a switch to IMPORT, their warnings, and the subjects they remove entirely (with their own config and mode).</summary>
internal sealed record PurgePlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Warnings, IReadOnlySet<QualifiedSubject> Emptied)
{
    public static PurgePlan None { get; } = new([], [], new HashSet<QualifiedSubject>());
}
