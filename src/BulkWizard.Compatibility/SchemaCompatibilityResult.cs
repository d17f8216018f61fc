namespace BulkWizard.Compatibility;

/// <summary>Outcome of a compatibility check.</summary>
/// <param name="IsCompatible">True when no violation was found (always true when nothing was checked).</param>
/// <param name="Messages">Human-readable violations, empty when compatible.</param>
/// <param name="Checked">False when the schema type is not checked (JSON, PROTOBUF) or the level is NONE.</param>
public sealed record SchemaCompatibilityResult(bool IsCompatible, IReadOnlyList<string> Messages, bool Checked)
{
    public static SchemaCompatibilityResult NotChecked { get; } = new(true, [], false);

    public static SchemaCompatibilityResult Compatible { get; } = new(true, [], true);
}
