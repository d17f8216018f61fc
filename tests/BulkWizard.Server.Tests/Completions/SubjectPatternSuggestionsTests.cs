using BulkWizard.Server.Completions;

namespace BulkWizard.Server.Tests.Completions;

public sealed class SubjectPatternSuggestionsTests
{
    private static readonly string[] Names = ["orders-value", "orders-key", "orders_archive-value", "order", "payments-value"];

    [Fact]
    public void For_TypedPrefix_PrefixesEndingAtEachLaterSeparatorThenTheNames()
    {
        var suggestions = SubjectPatternSuggestions.For(Names, "ord");

        Assert.Equal(["orders-*", "orders_*", "orders_archive-*", "order", "orders-key", "orders-value", "orders_archive-value"], suggestions);
    }

    [Fact]
    public void For_TypedUpToASeparator_ThatPrefixItselfOffered()
    {
        Assert.Equal(["orders-*", "orders-key", "orders-value"], SubjectPatternSuggestions.For(Names, "orders-"));
    }

    [Fact]
    public void For_NothingMatches_Nothing()
    {
        Assert.Empty(SubjectPatternSuggestions.For(Names, "zz"));
    }

    [Fact]
    public void For_SeparatorAtTheEndOfAName_NoPatternThatOnlyMatchesItself()
    {
        Assert.Equal(["tmp-"], SubjectPatternSuggestions.For(["tmp-"], "t"));
    }
}
