using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

internal sealed class AvroArray(AvroType items, IReadOnlyList<KeyValuePair<string, JsonElement>> props)
    : AvroType(props)
{
    public AvroType Items { get; } = items;

    public override string TypeName => "array";
}
