using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

internal sealed class AvroEnum(
    string name,
    string? space,
    string? doc,
    IReadOnlyList<string> aliases,
    IReadOnlyList<KeyValuePair<string, JsonElement>> props,
    IReadOnlyList<string> symbols,
    string? defaultSymbol)
    : AvroNamedType(name, space, doc, aliases, props)
{
    public IReadOnlyList<string> Symbols { get; } = symbols;

    public string? DefaultSymbol { get; } = defaultSymbol;
}
