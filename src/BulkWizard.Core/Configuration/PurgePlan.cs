using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The permanent deletes planned before a switch to IMPORT, their warnings, the subjects they delete versions of
/// (<see cref="Purged"/>) and those they remove entirely, with their own config and mode (<see cref="Emptied"/>).
/// </summary>
internal sealed record PurgePlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Warnings, IReadOnlySet<QualifiedSubject> Purged, IReadOnlySet<QualifiedSubject> Emptied)
{
    public static PurgePlan None { get; } = new([], [], new HashSet<QualifiedSubject>(), new HashSet<QualifiedSubject>());
}
