namespace BulkWizard.Compatibility;

/// <summary>
/// A schema as the registry holds it: its type, its text and the texts of the schemas it references,
/// dependencies before dependents (the named types an Avro schema uses from other subjects).
/// </summary>
public sealed record SchemaDocument(string SchemaType, string Schema, IReadOnlyList<string> ReferencedSchemas)
{
    public SchemaDocument(string schemaType, string schema)
        : this(schemaType, schema, [])
    {
    }
}
