namespace BulkWizard.Compatibility;

/// <summary>The schema types a Confluent registry knows, spelled as it spells them.</summary>
public static class SchemaTypes
{
    public const string Avro = "AVRO";
    public const string Json = "JSON";
    public const string Protobuf = "PROTOBUF";

    /// <summary>The registry treats a missing or empty type as Avro.</summary>
    public static string OrDefault(string? schemaType) =>
        string.IsNullOrEmpty(schemaType) ? Avro : schemaType;

    /// <summary>Exact, case-sensitive match, as the registry's provider lookup does.</summary>
    public static bool IsKnown(string schemaType) =>
        schemaType is Avro or Json or Protobuf;
}
