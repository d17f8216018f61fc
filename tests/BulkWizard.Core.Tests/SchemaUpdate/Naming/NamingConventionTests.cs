using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

public sealed class NamingConventionTests
{
    [Theory]
    [InlineData("topic_name", NamingConventionKind.TopicName)]
    [InlineData("TopicNameStrategy", NamingConventionKind.TopicName)]
    [InlineData("record_name", NamingConventionKind.RecordName)]
    [InlineData("RecordNameStrategy", NamingConventionKind.RecordName)]
    [InlineData("topic-record-name", NamingConventionKind.TopicRecordName)]
    [InlineData("TopicRecordNameStrategy", NamingConventionKind.TopicRecordName)]
    [InlineData(" kebab-case ", NamingConventionKind.KebabCase)]
    [InlineData("snake_case", NamingConventionKind.SnakeCase)]
    [InlineData("camelCase", NamingConventionKind.CamelCase)]
    [InlineData("CAMEL", NamingConventionKind.CamelCase)]
    public void Parse_NamedConvention_ReadsItsKind(string text, NamingConventionKind kind)
    {
        var convention = NamingConvention.Parse(text);

        Assert.Equal(kind, convention.Kind);
        Assert.Null(convention.Argument);
        Assert.Equal(convention, NamingConvention.Parse(convention.ToString()));
    }

    [Theory]
    [InlineData("prefix:team-", "team-")]
    [InlineData("prefix=Team.", "Team.")]
    [InlineData("required_prefix:a:b", "a:b")]
    public void Parse_Prefix_KeepsTheTextVerbatim(string text, string prefix)
    {
        var convention = NamingConvention.Parse(text);

        Assert.Equal(NamingConventionKind.RequiredPrefix, convention.Kind);
        Assert.Equal(prefix, convention.Argument);
        Assert.Equal("prefix:" + prefix, convention.ToString());
    }

    [Theory]
    [InlineData("context:.team")]
    [InlineData("context:team")]
    [InlineData("context::.team:")]
    [InlineData("required-context=team")]
    public void Parse_Context_NormalizesTheName(string text)
    {
        var convention = NamingConvention.Parse(text);

        Assert.Equal(NamingConventionKind.RequiredContext, convention.Kind);
        Assert.Equal(".team", convention.Argument);
    }

    [Theory]
    [InlineData("pascal_case")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Unknown_ListsTheAllowedValues(string? text)
    {
        var refused = Assert.Throws<WizardInputException>(() => NamingConvention.Parse(text));

        Assert.Contains(NamingConvention.AllowedValues, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("convention:", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prefix:", "needs a text")]
    [InlineData("prefix", "needs a text")]
    [InlineData("prefix::.ctx:x", "context")]
    [InlineData("context:", "needs a name")]
    [InlineData("context:a:b", "never contains ':'")]
    [InlineData("context:.__GLOBAL", "registry-wide")]
    public void Parse_BadArgument_SaysWhatIsWrong(string text, string expected)
    {
        var refused = Assert.Throws<WizardInputException>(() => NamingConvention.Parse(text));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }
}
