using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// The subject-config changes that fix every fixable violation (one per subject), and the subjects with violations no
/// change fixes, with the reason. A subject may be in both: its other violations fixed, a property without a value left.
/// </summary>
public sealed record ComplianceFixes(IReadOnlyList<SubjectConfigChange> Changes, IReadOnlyList<SkippedSubject> Unfixable);
