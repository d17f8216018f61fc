using BulkWizard.Core.Plans;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>What planning a metadata update produced: the changes in selection order, the skipped subjects and the warnings.</summary>
internal sealed record MetadataPlanParts(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<SkippedSubject> Skipped, IReadOnlyList<string> Warnings);
