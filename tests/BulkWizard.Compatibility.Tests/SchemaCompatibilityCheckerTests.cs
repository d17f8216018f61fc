namespace BulkWizard.Compatibility.Tests;

public sealed class SchemaCompatibilityCheckerTests
{
    private static string Record(params string[] fields) =>
        $$"""{"type":"record","name":"R","fields":[{{string.Join(",", fields)}}]}""";

    private const string Id = """{"name":"id","type":"string"}""";
    private const string CountNoDefault = """{"name":"count","type":"int"}""";
    private const string CountWithDefault = """{"name":"count","type":"int","default":0}""";

    private static SchemaCompatibilityResult Check(string candidate, CompatibilityLevel level, params string[] existing) =>
        SchemaCompatibilityChecker.Check(SchemaTypes.Avro, candidate, existing, level);

    [Fact]
    public void Backward_AddedFieldWithoutDefault_IsViolation()
    {
        var result = Check(Record(Id, CountNoDefault), CompatibilityLevel.Backward, Record(Id));

        Assert.False(result.IsCompatible);
        Assert.True(result.Checked);
        Assert.Contains(result.Messages, m => m.Contains("READER_FIELD_MISSING_DEFAULT_VALUE", StringComparison.Ordinal) && m.Contains("count", StringComparison.Ordinal));
    }

    [Fact]
    public void Backward_AddedFieldWithDefaultOrRemovedField_IsCompatible()
    {
        Assert.True(Check(Record(Id, CountWithDefault), CompatibilityLevel.Backward, Record(Id)).IsCompatible);
        Assert.True(Check(Record(Id), CompatibilityLevel.Backward, Record(Id, CountNoDefault)).IsCompatible);
    }

    [Fact]
    public void Forward_RemovedFieldWithoutDefaultInOld_IsViolation()
    {
        Assert.False(Check(Record(Id), CompatibilityLevel.Forward, Record(Id, CountNoDefault)).IsCompatible);
        Assert.True(Check(Record(Id), CompatibilityLevel.Forward, Record(Id, CountWithDefault)).IsCompatible);
        Assert.True(Check(Record(Id, CountNoDefault), CompatibilityLevel.Forward, Record(Id)).IsCompatible);
    }

    [Fact]
    public void Full_NeedsBothDirections()
    {
        Assert.False(Check(Record(Id, CountNoDefault), CompatibilityLevel.Full, Record(Id)).IsCompatible);
        Assert.True(Check(Record(Id, CountWithDefault), CompatibilityLevel.Full, Record(Id)).IsCompatible);
    }

    [Fact]
    public void NonTransitive_ChecksLatestOnly_TransitiveChecksAll()
    {
        var v1 = Record(Id, CountNoDefault);
        var v2 = Record(Id);
        var candidate = Record(Id, """{"name":"count","type":"string","default":"0"}""");

        Assert.True(Check(candidate, CompatibilityLevel.Backward, v1, v2).IsCompatible);
        Assert.False(Check(candidate, CompatibilityLevel.BackwardTransitive, v1, v2).IsCompatible);
    }

    [Theory]
    [InlineData("int", "long", true)]
    [InlineData("int", "double", true)]
    [InlineData("long", "float", true)]
    [InlineData("float", "double", true)]
    [InlineData("string", "bytes", true)]
    [InlineData("bytes", "string", true)]
    [InlineData("long", "int", false)]
    [InlineData("double", "float", false)]
    [InlineData("string", "int", false)]
    public void Backward_TypeChange_AllowedOnlyForPromotions(string oldType, string newType, bool compatible)
    {
        var old = Record($$"""{"name":"v","type":"{{oldType}}"}""");
        var candidate = Record($$"""{"name":"v","type":"{{newType}}"}""");

        Assert.Equal(compatible, Check(candidate, CompatibilityLevel.Backward, old).IsCompatible);
    }

    [Fact]
    public void Enum_SymbolRemoved_BreaksBackwardUnlessDefault_SymbolAdded_BreaksForward()
    {
        static string Color(string symbols, string extra = "") =>
            Record($$$"""{"name":"c","type":{"type":"enum","name":"Color","symbols":[{{{symbols}}}]{{{extra}}}}}""");

        Assert.False(Check(Color("\"RED\""), CompatibilityLevel.Backward, Color("\"RED\",\"BLUE\"")).IsCompatible);
        Assert.True(Check(Color("\"RED\"", ",\"default\":\"RED\""), CompatibilityLevel.Backward, Color("\"RED\",\"BLUE\"")).IsCompatible);
        Assert.True(Check(Color("\"RED\",\"BLUE\""), CompatibilityLevel.Backward, Color("\"RED\"")).IsCompatible);
        Assert.False(Check(Color("\"RED\",\"BLUE\""), CompatibilityLevel.Forward, Color("\"RED\"")).IsCompatible);
    }

    [Fact]
    public void NestedRecordsArraysMapsAndUnions_AreCheckedInside()
    {
        const string inner = """{"type":"record","name":"In","fields":[{"name":"a","type":"int"}]}""";
        const string innerMore = """{"type":"record","name":"In","fields":[{"name":"a","type":"int"},{"name":"b","type":"int"}]}""";
        var old = Record("""{"name":"xs","type":{"type":"array","items":{"type":"map","values":["null",""" + inner + "]}}}");
        var candidate = Record("""{"name":"xs","type":{"type":"array","items":{"type":"map","values":["null",""" + innerMore + "]}}}");

        var result = Check(candidate, CompatibilityLevel.Backward, old);

        Assert.False(result.IsCompatible);
        Assert.True(Check(old, CompatibilityLevel.Backward, candidate).IsCompatible);
    }

    [Fact]
    public void Union_WideningIsBackwardCompatible_NarrowingIsNot()
    {
        var narrow = Record("""{"name":"v","type":"string"}""");
        var wide = Record("""{"name":"v","type":["null","string"],"default":null}""");

        Assert.True(Check(wide, CompatibilityLevel.Backward, narrow).IsCompatible);
        Assert.False(Check(narrow, CompatibilityLevel.Backward, wide).IsCompatible);
    }

    [Fact]
    public void RecursiveRecord_Terminates()
    {
        const string list = """{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"],"default":null}]}""";

        Assert.True(Check(list, CompatibilityLevel.FullTransitive, list).IsCompatible);
    }

    [Fact]
    public void None_IsAlwaysCompatibleAndNotChecked()
    {
        var result = Check(Record(Id, CountNoDefault), CompatibilityLevel.None, Record(Id));

        Assert.True(result.IsCompatible);
        Assert.False(result.Checked);
    }

    [Theory]
    [InlineData(SchemaTypes.Json)]
    [InlineData(SchemaTypes.Protobuf)]
    public void JsonAndProtobuf_AreNotChecked(string schemaType)
    {
        var result = SchemaCompatibilityChecker.Check(schemaType, "{}", ["{\"type\":\"string\"}"], CompatibilityLevel.FullTransitive);

        Assert.True(result.IsCompatible);
        Assert.False(result.Checked);
    }

    [Fact]
    public void DifferentSchemaType_IsIncompatible()
    {
        var result = SchemaCompatibilityChecker.Check(
            new SchemaDocument(SchemaTypes.Json, "{}"), [new SchemaDocument(SchemaTypes.Avro, "\"string\"")], CompatibilityLevel.Backward);

        Assert.False(result.IsCompatible);
    }

    [Fact]
    public void InvalidCandidate_Throws()
    {
        Assert.Throws<InvalidSchemaException>(() => Check("{", CompatibilityLevel.Backward, Record(Id)));
    }

    [Fact]
    public void ReferencedTypes_AreResolvedOnBothSides()
    {
        const string address = """{"type":"record","name":"Address","fields":[{"name":"city","type":"string"}]}""";
        var old = new SchemaDocument(SchemaTypes.Avro, Record("""{"name":"home","type":"Address"}"""), [address]);
        var candidate = new SchemaDocument(SchemaTypes.Avro, Record("""{"name":"home","type":"Address"}""", CountNoDefault), [address]);

        Assert.False(SchemaCompatibilityChecker.Check(candidate, [old], CompatibilityLevel.Backward).IsCompatible);
    }
}
