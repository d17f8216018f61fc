using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>null, boolean, int, long, float, double, bytes or string, possibly with a logical type in its props.</summary>
internal sealed class AvroPrimitive(string name, IReadOnlyList<KeyValuePair<string, JsonElement>> props)
    : AvroType(props)
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(StringComparer.Ordinal) { "null", "boolean", "int", "long", "float", "double", "bytes", "string" };

    public string Name { get; } = name;

    public override string TypeName => Name;
}
