using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>A record field; <see cref="Default"/> is set only when the schema declares one (a JSON null counts).</summary>
internal sealed record AvroField(
    string Name,
    AvroType Type,
    string? Doc,
    JsonElement? Default,
    string? Order,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<KeyValuePair<string, JsonElement>> Props)
{
    public bool HasDefault => Default.HasValue;
}
