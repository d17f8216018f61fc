using System.Text.Json;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// The name RecordNameStrategy gives a schema: the full name (namespace + name) of the Avro named type at its root.
/// Read from the schema text alone; a root that only names a referenced type is taken at its word.
/// </summary>
internal static class AvroRecordNames
{
    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "null", "boolean", "int", "long", "float", "double", "bytes", "string",
    };

    private static readonly HashSet<string> NamedTypes = new(StringComparer.Ordinal) { "record", "error", "enum", "fixed" };

    /// <param name="latest">The subject's latest live version; null when it has none.</param>
    public static RecordName Of(SchemaVersion? latest)
    {
        if (latest is null)
        {
            return RecordName.Missing("no live version to read a record name from");
        }

        if (!string.Equals(latest.SchemaType, SchemaTypes.Avro, StringComparison.OrdinalIgnoreCase))
        {
            return RecordName.Missing($"the record name of a {latest.SchemaType} schema cannot be derived (only Avro records are read)");
        }

        try
        {
            using var document = JsonDocument.Parse(latest.Schema);
            return OfRoot(document.RootElement);
        }
        catch (JsonException)
        {
            return RecordName.Missing("the latest schema is not valid JSON");
        }
    }

    private static RecordName OfRoot(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.String:
                var named = root.GetString()!;
                return Primitives.Contains(named) ? NotNamed($"the Avro primitive '{named}'") : RecordName.Of(named);
            case JsonValueKind.Array:
                return NotNamed("an Avro union");
            case JsonValueKind.Object:
                var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
                if (type is null || !NamedTypes.Contains(type))
                {
                    return NotNamed(type is null ? "an Avro schema without a type name" : $"an Avro {type}");
                }

                if (!root.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String || n.GetString() is not { Length: > 0 } name)
                {
                    return RecordName.Missing($"the Avro {type} has no name");
                }

                // A dotted name is already full: Avro ignores the namespace then.
                var space = root.TryGetProperty("namespace", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                return RecordName.Of(name.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space) ? name : $"{space}.{name}");
            default:
                return RecordName.Missing("the latest schema is not an Avro schema");
        }
    }

    private static RecordName NotNamed(string what) =>
        RecordName.Missing($"the latest schema is {what}, not a record: it has no record name");
}
