namespace BulkWizard.Core.Registry;

/// <summary>The schema types a registry knows. A registry omits the type for Avro (before 8.0), so absent means Avro.</summary>
public static class SchemaTypes
{
    public const string Avro = "AVRO";
    public const string Json = "JSON";
    public const string Protobuf = "PROTOBUF";
}
