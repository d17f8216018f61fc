using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

public sealed class CaseConventionTests
{
    [Theory]
    [InlineData("kebab_case", "orders-events-value")]
    [InlineData("kebab_case", "prod.orders-events-key")]
    [InlineData("kebab_case", "orders2")]
    [InlineData("snake_case", "orders_events-value")]
    [InlineData("snake_case", "prod.orders_events")]
    [InlineData("camel_case", "ordersEvents-value")]
    [InlineData("camel_case", "prod.ordersV2-key")]
    public void Check_FollowingName_Conforms(string convention, string name)
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.Parse(convention));

        Assert.True(verdict.Conforms);
    }

    [Theory]
    [InlineData("kebab_case", "OrdersEvents-value", "orders-events-value")]
    [InlineData("kebab_case", "orders_events-key", "orders-events-key")]
    [InlineData("kebab_case", "XMLParser", "xml-parser")]
    [InlineData("kebab_case", "Prod.OrdersEvents-Value", "prod.orders-events-value")]
    [InlineData("snake_case", "OrdersEvents-value", "orders_events-value")]
    [InlineData("snake_case", "orders-events", "orders_events")]
    [InlineData("camel_case", "orders-events-value", "ordersEvents-value")]
    [InlineData("camel_case", "ORDERS_EVENTS", "ordersEvents")]
    [InlineData("camel_case", "v2_orders-key", "v2Orders-key")]
    public void Check_OtherCase_SuggestsTheTopicInThatCaseAndKeepsTheSuffix(string convention, string name, string suggested)
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.Parse(convention));

        Assert.False(verdict.Conforms);
        Assert.Equal(suggested, verdict.Violation!.SuggestedName);
        Assert.Equal(name, verdict.Violation.Subject);
        Assert.NotEmpty(verdict.Violation.Reason);
    }

    [Fact]
    public void Check_NamedContext_SuggestionStaysInTheContext()
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(":.team:OrdersEvents-value"), NamingConvention.KebabCase);

        Assert.Equal(":.team:orders-events-value", verdict.Violation!.SuggestedName);
    }

    [Theory]
    [InlineData("camel_case", "2fa-codes", "starts with a letter")]
    [InlineData("kebab_case", "orders..events", "no letter or digit")]
    [InlineData("snake_case", "__", "no letter or digit")]
    public void Check_NoConformingNameCanBeBuilt_SaysWhy(string convention, string name, string why)
    {
        var verdict = NamingRules.Check(QualifiedSubject.Parse(name), NamingConvention.Parse(convention));

        Assert.Null(verdict.Violation!.SuggestedName);
        Assert.Contains(why, verdict.Violation.NoSuggestionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OrdersEvents", new[] { "Orders", "Events" })]
    [InlineData("XMLParser", new[] { "XML", "Parser" })]
    [InlineData("HTTP2Server", new[] { "HTTP2", "Server" })]
    [InlineData("v2Orders", new[] { "v2", "Orders" })]
    [InlineData("orders--events__x", new[] { "orders", "events", "x" })]
    public void Words_SplitsAtSeparatorsAndCaseChanges(string text, string[] words)
    {
        Assert.Equal(words, CaseStyle.Words(text));
    }
}
