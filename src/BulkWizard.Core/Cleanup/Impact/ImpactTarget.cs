using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>
/// What a cleanup takes away from one subject, as the impact check needs it.
/// </summary>
/// <param name="Subject">The subject whose versions go.</param>
/// <param name="RecordNames">Full names of the records its versions hold (Avro <c>namespace.name</c>), for TopicRecordNameStrategy subjects.</param>
/// <param name="IdsRemoved">Schema ids that stop resolving after the cleanup: every version using them is permanently deleted. Empty for a soft delete.</param>
/// <param name="Permanent">True when versions are permanently deleted (consumers can be affected); false for a soft delete (producers only).</param>
public sealed record ImpactTarget(QualifiedSubject Subject, IReadOnlyList<string> RecordNames, IReadOnlyList<int> IdsRemoved, bool Permanent);
