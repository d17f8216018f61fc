namespace BulkWizard.Compatibility.Tests;

public sealed class SchemaCanonicalizerTests
{
    [Fact]
    public void Canonicalize_PrettyAvroRecord_IsCompactInAvroAttributeOrder()
    {
        const string pretty = """
            {
              "fields": [ { "type": "string", "name": "id", "doc": "key" },
                          { "name": "n", "default": 0, "type": "int" } ],
              "namespace": "com.acme", "name": "Order", "type": "record", "doc": "an order"
            }
            """;

        var canonical = SchemaCanonicalizer.Canonicalize(SchemaTypes.Avro, pretty);

        Assert.Equal(
            """{"type":"record","name":"Order","namespace":"com.acme","doc":"an order","fields":[{"name":"id","type":"string","doc":"key"},{"name":"n","type":"int","default":0}]}""",
            canonical);
    }

    [Fact]
    public void Canonicalize_PrimitiveSchema_IsQuotedName()
    {
        Assert.Equal("\"string\"", SchemaCanonicalizer.Canonicalize(SchemaTypes.Avro, "{\"type\": \"string\"}"));
    }

    [Fact]
    public void Canonicalize_NestedTypeInSameNamespace_OmitsNamespaceAndWritesRepeatsByName()
    {
        const string schema = """
            {"type":"record","name":"a.b.Outer","fields":[
              {"name":"x","type":{"type":"record","name":"Inner","fields":[{"name":"v","type":"long"}]}},
              {"name":"y","type":"Inner"},
              {"name":"z","type":{"type":"enum","name":"other.Color","symbols":["RED"]}}]}
            """;

        var canonical = SchemaCanonicalizer.Canonicalize(SchemaTypes.Avro, schema);

        Assert.Equal(
            """{"type":"record","name":"Outer","namespace":"a.b","fields":[{"name":"x","type":{"type":"record","name":"Inner","fields":[{"name":"v","type":"long"}]}},{"name":"y","type":"Inner"},{"name":"z","type":{"type":"enum","name":"Color","namespace":"other","symbols":["RED"]}}]}""",
            canonical);
    }

    [Fact]
    public void Canonicalize_ReferencedType_IsWrittenByNameNotInlined()
    {
        const string address = """{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"city","type":"string"}]}""";
        const string customer = """{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"home","type":"com.acme.Address"}]}""";

        var canonical = SchemaCanonicalizer.Canonicalize(SchemaTypes.Avro, customer, [address]);

        Assert.Equal(
            """{"type":"record","name":"Customer","namespace":"com.acme","fields":[{"name":"home","type":"Address"}]}""",
            canonical);
    }

    [Fact]
    public void Canonicalize_LogicalTypeAndCustomProps_AreKept()
    {
        const string schema = """{"type":"record","name":"E","fields":[{"name":"at","type":{"type":"long","logicalType":"timestamp-millis"},"x-owner":"team"}]}""";

        Assert.Equal(schema, SchemaCanonicalizer.Canonicalize(SchemaTypes.Avro, schema));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"record","name":"R"}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"Missing"}]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"int","default":"x"}]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"long"}]}""")]
    [InlineData("""["int","int"]""")]
    [InlineData("""{"type":"enum","name":"E","symbols":["A","A"]}""")]
    [InlineData("""{"type":"record","name":"1bad","fields":[]}""")]
    [InlineData("")]
    public void Canonicalize_InvalidAvro_ThrowsInvalidSchemaException(string schema)
    {
        Assert.Throws<InvalidSchemaException>(() => SchemaCanonicalizer.Canonicalize(SchemaTypes.Avro, schema));
    }

    [Fact]
    public void Canonicalize_JsonSchema_IsCompactWithOriginalMemberOrder()
    {
        Assert.Equal(
            """{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}}}""",
            SchemaCanonicalizer.Canonicalize(SchemaTypes.Json, """{ "type": "object", "properties": { "b": {"type":"string"}, "a": {"type":"integer"} } }"""));
    }

    [Fact]
    public void Canonicalize_UnknownType_Throws()
    {
        Assert.Throws<InvalidSchemaException>(() => SchemaCanonicalizer.Canonicalize("avro", "\"string\""));
    }
}
