using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

internal sealed class AvroMap(AvroType values, IReadOnlyList<KeyValuePair<string, JsonElement>> props)
    : AvroType(props)
{
    public AvroType Values { get; } = values;

    public override string TypeName => "map";
}
