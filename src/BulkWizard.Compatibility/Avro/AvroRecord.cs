using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>A record (or error). Fields are filled after the name is known, so a record may contain itself.</summary>
internal sealed class AvroRecord(
    string name,
    string? space,
    string? doc,
    IReadOnlyList<string> aliases,
    IReadOnlyList<KeyValuePair<string, JsonElement>> props,
    bool isError)
    : AvroNamedType(name, space, doc, aliases, props)
{
    public bool IsError { get; } = isError;

    public List<AvroField> Fields { get; } = [];

    public AvroField? FindField(string fieldName) =>
        Fields.Find(f => string.Equals(f.Name, fieldName, StringComparison.Ordinal));
}
