using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>
/// A parsed Avro schema node. <see cref="Props"/> keeps the non-reserved attributes in their
/// original order, because the registry's canonical string writes them back.
/// </summary>
internal abstract class AvroType(IReadOnlyList<KeyValuePair<string, JsonElement>> props)
{
    public IReadOnlyList<KeyValuePair<string, JsonElement>> Props { get; } = props;

    /// <summary>The Avro type name used in messages and union branch identity ("int", "array", a full name).</summary>
    public abstract string TypeName { get; }
}
