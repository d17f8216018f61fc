using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

internal sealed class AvroFixed(
    string name,
    string? space,
    string? doc,
    IReadOnlyList<string> aliases,
    IReadOnlyList<KeyValuePair<string, JsonElement>> props,
    int size)
    : AvroNamedType(name, space, doc, aliases, props)
{
    public int Size { get; } = size;
}
