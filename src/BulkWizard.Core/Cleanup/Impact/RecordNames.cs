using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>
/// The record full names a version holds, as TopicRecordNameStrategy writes them into subject names
/// (<c>&lt;topic&gt;-&lt;namespace.Name&gt;</c>): an Avro record, or each record of a top-level union. Other schema
/// types have no name this strategy uses here, so they give none.
/// </summary>
public static class RecordNames
{
    public static IReadOnlyList<string> Of(SchemaVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!string.Equals(version.SchemaType, "AVRO", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(version.Schema) switch
            {
                JsonObject record => FullName(record) is { } name ? [name] : [],
                JsonArray union => [.. union.OfType<JsonObject>().Select(FullName).OfType<string>()],
                _ => [],
            };
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? FullName(JsonObject schema)
    {
        if (schema["type"]?.GetValueKind() != JsonValueKind.String || schema["type"]!.GetValue<string>() != "record" ||
            schema["name"]?.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var name = schema["name"]!.GetValue<string>();
        var space = schema["namespace"]?.GetValueKind() == JsonValueKind.String ? schema["namespace"]!.GetValue<string>() : null;
        return name.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(space) ? name : $"{space}.{name}";
    }
}
