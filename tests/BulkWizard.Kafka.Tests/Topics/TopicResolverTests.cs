using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using BulkWizard.Kafka.Topics;

namespace BulkWizard.Kafka.Tests.Topics;

/// <summary>Subject → topic, without a cluster.</summary>
public sealed class TopicResolverTests
{
    private static readonly HashSet<string> Existing = ["orders", "users", "orders.v2"];

    [Theory]
    [InlineData("orders-value", "orders", "Value")]
    [InlineData("orders-key", "orders", "Key")]
    [InlineData("users-value", "users", "Value")]
    public void Resolve_TopicNameStrategy_TopicAndSide(string subject, string topic, string part)
    {
        Assert.Equal(TopicMapping.To(topic, Enum.Parse<TopicPart>(part)), Resolve(subject));
    }

    [Fact]
    public void Resolve_TopicNameStrategyOnMissingTopic_NoneWithReason()
    {
        Assert.Equal(TopicMapping.None("Topic 'payments' of subject 'payments-value' does not exist on the Kafka cluster."), Resolve("payments-value"));
    }

    [Fact]
    public void Resolve_TopicRecordNameStrategy_WhenTopicExists()
    {
        Assert.Equal(TopicMapping.To("orders", TopicPart.Either), Resolve("orders-com.acme.Order", records: ["com.acme.Order"]));
    }

    [Fact]
    public void Resolve_TopicRecordNameStrategy_TopicMissing_NoTopicKnown()
    {
        var mapping = Resolve("invoices-com.acme.Invoice", records: ["com.acme.Invoice"]);

        Assert.Null(mapping.Topic);
        Assert.StartsWith("No topic known for subject 'invoices-com.acme.Invoice'", mapping.Unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RecordNameStrategy_NoTopicKnown()
    {
        Assert.Null(Resolve("com.acme.Order", records: ["com.acme.Order"]).Topic);
    }

    [Fact]
    public void Resolve_NamedContext_UnmappedIsUnknown()
    {
        Assert.Equal(
            TopicMapping.None("No topic known for subject ':.staging:orders-value': subjects in a named context need a Kafka.Topics mapping."),
            Resolve(":.staging:orders-value"));
    }

    [Theory]
    [InlineData(".staging/orders-key")]
    [InlineData(":.staging:orders-key")]
    public void Resolve_NamedContext_MappedEitherSpelling(string key)
    {
        Assert.Equal(TopicMapping.To("orders.v2", TopicPart.Key), Resolve(":.staging:orders-key", new() { [key] = "orders.v2" }));
    }

    [Fact]
    public void Resolve_MappingWinsOverTheNamingStrategy()
    {
        Assert.Equal(TopicMapping.To("orders.v2", TopicPart.Value), Resolve("orders-value", new() { ["orders-value"] = "orders.v2" }));
    }

    [Fact]
    public void Resolve_MappingToMissingTopic_NoneWithReason()
    {
        Assert.Equal(
            TopicMapping.None("Topic 'gone', mapped to subject 'orders-value' in Kafka.Topics, does not exist on the Kafka cluster."),
            Resolve("orders-value", new() { ["orders-value"] = "gone" }));
    }

    private static TopicMapping Resolve(string subject, Dictionary<string, string>? mappings = null, string[]? records = null) =>
        TopicResolver.Resolve(new ImpactTarget(QualifiedSubject.Parse(subject), records ?? [], [], true), mappings ?? [], Existing);
}
