using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

public sealed class TopicConventionTests
{
    [Theory]
    [InlineData("orders-value")]
    [InlineData("orders-key")]
    [InlineData("Prod.Orders_v2-value")]
    [InlineData(":.team:orders-value")]
    public void Check_TopicName_KeyOrValueOfALegalTopic_Conforms(string name)
    {
        Assert.True(NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.TopicName).Conforms);
    }

    [Theory]
    [InlineData("orders_value", "orders-value")]
    [InlineData("orders.key", "orders-key")]
    [InlineData("orders-Value", "orders-value")]
    [InlineData("ordersValue", "orders-value")]
    [InlineData("my orders-value", "my_orders-value")]
    public void Check_TopicName_NearMiss_SuggestsTheStrategysName(string name, string suggested)
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.TopicName);

        Assert.Equal(suggested, verdict.Violation!.SuggestedName);
    }

    [Theory]
    [InlineData("turkey")]
    [InlineData("com.acme.Order")]
    [InlineData("-value")]
    public void Check_TopicName_NoKeyOrValue_HasNoSuggestionAndSaysWhy(string name)
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.TopicName);

        Assert.Null(verdict.Violation!.SuggestedName);
        Assert.Contains("cannot be derived", verdict.Violation.NoSuggestionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Prefix_MissingOrMiscased_SuggestsThePrefixedName()
    {
        var prefix = NamingConvention.Prefix("team-");

        Assert.True(NamingRules.Check(QualifiedSubject.Parse("team-orders"), prefix).Conforms);
        Assert.Equal("team-orders", NamingRules.Check(QualifiedSubject.Parse("orders"), prefix).Violation!.SuggestedName);
        Assert.Equal("team-orders", NamingRules.Check(QualifiedSubject.Parse("Team-orders"), prefix).Violation!.SuggestedName);
        Assert.Equal(":.x:team-orders", NamingRules.Check(QualifiedSubject.Parse(":.x:orders"), prefix).Violation!.SuggestedName);
    }

    [Fact]
    public void Check_Context_OtherContext_SuggestsTheSameNameInTheRequiredOne()
    {
        var context = NamingConvention.Context("team");

        Assert.True(NamingRules.Check(QualifiedSubject.Parse(":.team:orders"), context).Conforms);
        var fromDefault = NamingRules.Check(QualifiedSubject.Parse("orders"), context).Violation!;
        Assert.Equal(":.team:orders", fromDefault.SuggestedName);
        Assert.Contains("context .", fromDefault.Reason, StringComparison.Ordinal);
        Assert.Equal(":.team:orders", NamingRules.Check(QualifiedSubject.Parse(":.other:orders"), context).Violation!.SuggestedName);
        Assert.Equal("orders", NamingRules.Check(QualifiedSubject.Parse(":.other:orders"), NamingConvention.Context(".")).Violation!.SuggestedName);
    }
}
