namespace BulkWizard.Compatibility.Avro;

/// <summary>A parsed Avro schema together with its canonical string.</summary>
internal sealed record AvroSchema(AvroType Root, string Canonical)
{
    /// <summary>Parses referenced schemas first (their named types become known), then the schema itself.</summary>
    public static AvroSchema Parse(string schema, IReadOnlyList<string> referencedSchemas)
    {
        var parser = new AvroSchemaParser();
        foreach (var reference in referencedSchemas)
        {
            parser.Parse(reference);
        }

        var known = parser.DefinedNames.ToList();
        var root = parser.Parse(schema);
        return new AvroSchema(root, AvroCanonicalWriter.Write(root, known));
    }
}
