using BulkWizard.Core.Registry;

namespace BulkWizard.Registry.Tests;

public sealed class QualifiedSubjectTests
{
    [Theory]
    [InlineData("orders", ".", "orders", "orders")]
    [InlineData(":.staging:orders", ".staging", "orders", ":.staging:orders")]
    [InlineData(":.:orders", ".", "orders", "orders")]
    [InlineData(":.team.prod:a:b", ".team.prod", "a:b", ":.team.prod:a:b")]
    [InlineData(":ctx:orders", ".", ":ctx:orders", ":ctx:orders")]
    [InlineData(":.ctx:", ".ctx", "", ":.ctx:")]
    [InlineData("", ".", "", "")]
    public void Parse_ReadsTheRegistrysSpelling(string text, string context, string name, string formatted)
    {
        var subject = QualifiedSubject.Parse(text);

        Assert.Equal((context, name), (subject.Context, subject.Name));
        Assert.Equal(formatted, subject.ToString());
    }

    [Fact]
    public void Context_GainsItsLeadingDot()
    {
        Assert.Equal(":.staging:x", new QualifiedSubject("staging", "x").ToString());
        Assert.Equal(RegistryScope.Global, RegistryScope.ForContext("."));
        Assert.Equal(":.prod:", RegistryScope.ForContext("prod").PathSegment);
    }
}
