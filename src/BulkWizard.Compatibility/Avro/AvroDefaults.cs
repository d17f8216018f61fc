using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>Whether a field default fits its type, by the rules of Avro's Java parser (a union's default fits its first branch).</summary>
internal static class AvroDefaults
{
    public static bool IsValid(AvroType type, JsonElement value) => type switch
    {
        AvroPrimitive p => p.Name switch
        {
            "null" => value.ValueKind == JsonValueKind.Null,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            "long" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "float" or "double" => value.ValueKind == JsonValueKind.Number,
            _ => value.ValueKind == JsonValueKind.String,
        },
        AvroEnum or AvroFixed => value.ValueKind == JsonValueKind.String,
        AvroArray a => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => IsValid(a.Items, v)),
        AvroMap m => value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(v => IsValid(m.Values, v.Value)),
        AvroUnion u => u.Branches.Count > 0 && IsValid(u.Branches[0], value),
        AvroRecord r => value.ValueKind == JsonValueKind.Object && r.Fields.All(f =>
            value.TryGetProperty(f.Name, out var fieldValue) ? IsValid(f.Type, fieldValue) : f.HasDefault),
        _ => false,
    };
}
