using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Tests.Selection;

public sealed class SubjectPatternTests
{
    private static readonly string[] Subjects =
    [
        "test-orders", "test-users", "Test-upper", "orders-value", "orders-key", "team/a-value", "test-a/b",
        ":.staging:test-orders", ":.staging:orders-value", ":.prod:test-x", ":.prod:payments-value",
    ];

    private static IEnumerable<string> Select(string pattern) =>
        Subjects.Where(s => SubjectPattern.Parse(pattern).Matches(QualifiedSubject.Parse(s)));

    [Fact]
    public void Unqualified_MatchesDefaultContextOnly_CaseSensitive()
    {
        Assert.Equal(["test-orders", "test-users", "test-a/b"], Select("test-*"));
    }

    [Fact]
    public void ContextQualified_MatchesThatContextOnly()
    {
        Assert.Equal([":.staging:test-orders"], Select(":.staging:test-*"));
    }

    [Fact]
    public void EveryContext_MatchesAll()
    {
        Assert.Equal(["test-orders", "test-users", "test-a/b", ":.staging:test-orders", ":.prod:test-x"], Select(":*:test-*"));
    }

    [Fact]
    public void Exclusion_RemovesFromIncluded()
    {
        Assert.Equal(["test-users", "test-a/b"], Select("test-*, !test-orders"));
    }

    [Fact]
    public void ExclusionOnly_StartsFromWholeDefaultContext()
    {
        Assert.Equal(["test-orders", "test-users", "Test-upper", "team/a-value", "test-a/b"], Select("!orders-*"));
    }

    [Theory]
    [InlineData("t?st-users", new[] { "test-users" })]
    [InlineData("[Tt]est-u*", new[] { "test-users", "Test-upper" })]
    [InlineData("test-[!o]*", new[] { "test-users", "test-a/b" })]
    [InlineData("*-value", new[] { "orders-value", "team/a-value" })]
    [InlineData("orders-value,orders-key", new[] { "orders-value", "orders-key" })]
    [InlineData("test-[", new string[0])]
    public void GlobSyntax_WildcardsClassesAndLists(string pattern, string[] expected)
    {
        Assert.Equal(expected, Select(pattern));
    }

    [Theory]
    [InlineData("", "pattern: empty; give a glob such as test-*, :.staging:orders-* or :*:test-*.")]
    [InlineData(":.staging", "pattern: ':.staging' opens a context with ':.' but does not close it with ':'; write :.context:glob.")]
    [InlineData(":*:", "pattern: ':*:' has no subject glob after its context; add one, e.g. :*:*.")]
    [InlineData("test-\tusers", "pattern: control character U+0009 at position 6 is not allowed; give printable subject names and globs.")]
    public void Parse_Malformed_ErrorSaysWhatIsAllowed(string pattern, string message)
    {
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SubjectPattern.Parse(pattern)).Message);
    }

    [Fact]
    public void Literal_EscapedWildcardMatchesItself()
    {
        var pattern = new GlobPattern("a\\*b");

        Assert.True(pattern.IsMatch("a*b"));
        Assert.False(pattern.IsMatch("axb"));
    }

    [Fact]
    public void Within_UnqualifiedTermsSelectInThatContext_QualifiedAndEveryContextTermsKept()
    {
        var pattern = SubjectPattern.Parse("test-*, :.staging:orders-*, :*:payments-*, !test-users").Within(".staging");

        Assert.Equal(
            [":.staging:test-orders", ":.staging:orders-value", ":.prod:payments-value"],
            Subjects.Where(s => pattern.Matches(QualifiedSubject.Parse(s))));
    }

    [Fact]
    public void Within_TermNamesAnotherContext_RefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => SubjectPattern.Parse("orders-*, :.prod:test-*").Within("."));

        Assert.Equal(
            "pattern: ':.prod:test-*' names context .prod, but the subjects are read from the default context; qualify it with that context or leave it unqualified.",
            error.Message);
    }
}
