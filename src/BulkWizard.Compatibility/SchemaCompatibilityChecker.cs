using BulkWizard.Compatibility.Avro;

namespace BulkWizard.Compatibility;

/// <summary>
/// Decides whether a candidate schema may follow existing versions under a compatibility level.
/// AVRO schemas are checked with Avro's reader/writer resolution rules: BACKWARD means the new
/// schema reads data written with the old one, FORWARD the reverse, FULL both; transitive levels
/// check every existing version, the others only the latest. JSON and PROTOBUF schemas are
/// <b>not checked</b>: the result is compatible with <see cref="SchemaCompatibilityResult.Checked"/>
/// false, so callers can say so instead of implying a verdict. A different schema type than an
/// existing version's is always incompatible, as in the registry.
/// </summary>
public static class SchemaCompatibilityChecker
{
    public static SchemaCompatibilityResult Check(
        string schemaType, string candidate, IReadOnlyList<string> existingOldestFirst, CompatibilityLevel level) =>
        Check(
            new SchemaDocument(schemaType, candidate),
            existingOldestFirst.Select(e => new SchemaDocument(schemaType, e)).ToList(),
            level);

    /// <exception cref="InvalidSchemaException">The candidate or an existing schema does not parse.</exception>
    public static SchemaCompatibilityResult Check(
        SchemaDocument candidate, IReadOnlyList<SchemaDocument> existingOldestFirst, CompatibilityLevel level)
    {
        if (level == CompatibilityLevel.None || existingOldestFirst.Count == 0)
        {
            return level == CompatibilityLevel.None ? SchemaCompatibilityResult.NotChecked : SchemaCompatibilityResult.Compatible;
        }

        var targets = level.IsTransitive() ? existingOldestFirst : [existingOldestFirst[^1]];
        var messages = new List<string>();
        foreach (var existing in targets)
        {
            if (!string.Equals(existing.SchemaType, candidate.SchemaType, StringComparison.Ordinal))
            {
                messages.Add($"Incompatible because of different schema type: {candidate.SchemaType} is not {existing.SchemaType}");
            }
        }

        if (messages.Count > 0)
        {
            return new SchemaCompatibilityResult(false, messages, true);
        }

        if (candidate.SchemaType != SchemaTypes.Avro)
        {
            return SchemaCompatibilityResult.NotChecked;
        }

        var newSchema = AvroSchema.Parse(candidate.Schema, candidate.ReferencedSchemas).Root;
        // Newest first, as the registry reports the closest version's violations first.
        for (var i = targets.Count - 1; i >= 0; i--)
        {
            var oldSchema = AvroSchema.Parse(targets[i].Schema, targets[i].ReferencedSchemas).Root;
            if (level.ChecksBackward())
            {
                messages.AddRange(AvroReadability.Violations(newSchema, oldSchema, "new", "old"));
            }

            if (level.ChecksForward())
            {
                messages.AddRange(AvroReadability.Violations(oldSchema, newSchema, "old", "new"));
            }
        }

        return new SchemaCompatibilityResult(messages.Count == 0, messages, true);
    }
}
