using BulkWizard.Core.Cleanup.Impact;

namespace BulkWizard.Server.Tools.Results;

/// <summary>What a permanent delete of the selected subjects would break, per subject, with the counts per verdict.</summary>
public sealed record ImpactReport(string Registry, IReadOnlyList<SubjectImpact> Subjects, ImpactSummary Summary);
