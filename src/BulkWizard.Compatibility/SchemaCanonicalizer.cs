using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Compatibility.Avro;

namespace BulkWizard.Compatibility;

/// <summary>
/// The form in which a registry stores and returns a schema: for AVRO the compact JSON of Java's
/// <c>Schema.toString</c> (Avro's attribute order, referenced types written by name); for JSON the
/// compact JSON text with members in their original order. PROTOBUF text is only trimmed: the
/// registry re-prints it with its own protobuf formatter, which is not reproduced here.
/// </summary>
public static class SchemaCanonicalizer
{
    private static readonly JsonSerializerOptions CompactJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <exception cref="InvalidSchemaException">The text is not a valid schema of that type.</exception>
    public static string Canonicalize(string schemaType, string schema, IReadOnlyList<string> referencedSchemas)
    {
        if (string.IsNullOrWhiteSpace(schema))
        {
            throw new InvalidSchemaException("Empty schema");
        }

        return schemaType switch
        {
            SchemaTypes.Avro => AvroSchema.Parse(schema, referencedSchemas).Canonical,
            SchemaTypes.Json => CanonicalJson(schema),
            SchemaTypes.Protobuf => schema.Trim(),
            _ => throw new InvalidSchemaException($"Invalid schema type {schemaType}"),
        };
    }

    public static string Canonicalize(string schemaType, string schema) => Canonicalize(schemaType, schema, []);

    private static string CanonicalJson(string schema)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(schema);
        }
        catch (JsonException ex)
        {
            throw new InvalidSchemaException($"Invalid JSON schema: {ex.Message}", ex);
        }

        return node is JsonObject || node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? node!.ToJsonString(CompactJson)
            : throw new InvalidSchemaException("Invalid JSON schema: a JSON schema is an object or a boolean");
    }
}
