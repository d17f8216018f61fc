using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

public sealed class RecordConventionTests
{
    private static readonly RecordName Order = RecordName.Of("com.acme.Order");

    [Theory]
    [InlineData("""{"type":"record","name":"Order","namespace":"com.acme","fields":[]}""", "com.acme.Order")]
    [InlineData("""{"type":"record","name":"com.acme.Order","namespace":"ignored","fields":[]}""", "com.acme.Order")]
    [InlineData("""{"type":"record","name":"Order","fields":[]}""", "Order")]
    [InlineData("""{"type":"enum","name":"Color","namespace":"com.acme","symbols":["RED"]}""", "com.acme.Color")]
    [InlineData("\"com.acme.Order\"", "com.acme.Order")]
    public void RecordName_AvroNamedType_IsNamespacePlusName(string schema, string fullName)
    {
        Assert.Equal(fullName, AvroRecordNames.Of(Version(schema)).FullName);
    }

    [Theory]
    [InlineData("\"string\"", SchemaTypes.Avro, "primitive 'string'")]
    [InlineData("""["null","string"]""", SchemaTypes.Avro, "union")]
    [InlineData("""{"type":"array","items":"int"}""", SchemaTypes.Avro, "Avro array")]
    [InlineData("""{"type":"object"}""", SchemaTypes.Json, "JSON schema cannot be derived")]
    [InlineData("syntax = \"proto3\"; message Order {}", SchemaTypes.Protobuf, "PROTOBUF schema cannot be derived")]
    public void RecordName_NotAnAvroNamedType_SaysWhy(string schema, string type, string why)
    {
        var name = AvroRecordNames.Of(Version(schema, type));

        Assert.Null(name.FullName);
        Assert.Contains(why, name.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordName_NoLiveVersion_SaysSo()
    {
        Assert.Contains("no live version", AvroRecordNames.Of(null).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RecordName_FullNameConformsOtherNamesGetIt()
    {
        Assert.True(NamingRules.Check(QualifiedSubject.Parse("com.acme.Order"), NamingConvention.RecordName, Order).Conforms);
        var verdict = NamingRules.Check(QualifiedSubject.Parse(":.team:orders-value"), NamingConvention.RecordName, Order);
        Assert.Equal(":.team:com.acme.Order", verdict.Violation!.SuggestedName);
        Assert.Contains("com.acme.Order", verdict.Violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RecordBased_WithoutARecordName_IsUncheckedNotAViolation()
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse("orders-value"), NamingConvention.RecordName, RecordName.Missing("the record name of a JSON schema cannot be derived"));

        Assert.False(verdict.Conforms);
        Assert.Null(verdict.Violation);
        Assert.Contains("JSON", verdict.UncheckedReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders-value", "orders-com.acme.Order")]
    [InlineData("orders-events-key", "orders-events-com.acme.Order")]
    [InlineData("orders-events-com.acme.OldOrder", "orders-events-com.acme.Order")]
    [InlineData("orders-Order", "orders-com.acme.Order")]
    public void Check_TopicRecordName_TopicKnown_SuggestsTopicDashRecord(string name, string suggested)
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.TopicRecordName, Order);

        Assert.Equal(suggested, verdict.Violation!.SuggestedName);
    }

    [Fact]
    public void Check_TopicRecordName_ConformsOrHasNoTopic()
    {
        Assert.True(NamingRules.Check(QualifiedSubject.Parse("orders-events-com.acme.Order"), NamingConvention.TopicRecordName, Order).Conforms);
        var bare = NamingRules.Check(QualifiedSubject.Parse("com.acme.Order"), NamingConvention.TopicRecordName, Order).Violation!;
        Assert.Null(bare.SuggestedName);
        Assert.Contains("topic cannot be derived", bare.NoSuggestionReason, StringComparison.Ordinal);
        Assert.Null(NamingRules.Check(QualifiedSubject.Parse("orders"), NamingConvention.TopicRecordName, Order).Violation!.SuggestedName);
    }

    private static SchemaVersion Version(string schema, string type = SchemaTypes.Avro) =>
        new(QualifiedSubject.Parse("s"), 1, 1, type, schema, [], null, null, null, null, false);
}
