using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class EscapingTests
{
    [Theory]
    [InlineData("orders-value", "orders-value")]
    [InlineData("team/orders", "team%2Forders")]
    [InlineData("with space", "with%20space")]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("100%", "100%25")]
    [InlineData("%2F", "%252F")]
    [InlineData("what?x=1", "what%3Fx%3D1")]
    [InlineData("hash#tag", "hash%23tag")]
    [InlineData("plus+and&", "plus%2Band%26")]
    [InlineData("bestellungen-ü", "bestellungen-%C3%BC")]
    [InlineData("注文", "%E6%B3%A8%E6%96%87")]
    [InlineData(".", "%2E")]
    [InlineData("..", "%2E%2E")]
    [InlineData(":.staging:team/orders", "%3A.staging%3Ateam%2Forders")]
    public async Task SubjectNames_AreSentAsOneEscapedSegment(string subject, string escaped)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, $"/subjects/{escaped}/versions", Replies.Json("[1]"));

        var versions = await harness.RunAsync(g => g.ListVersionsAsync(QualifiedSubject.Parse(subject), DeletedFilter.LiveOnly, CancellationToken.None));

        Assert.Equal([1], versions);
        Assert.Equal($"/subjects/{escaped}/versions", harness.Handler.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task SubjectNames_RoundTripFromListings()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/subjects", Replies.Json("""["a/b c%?#ü", ":.ctx:x/y", ":ctx:literal"]"""));

        var subjects = await harness.RunAsync(g => g.ListSubjectsAsync(new SubjectQuery(":*:a/b"), CancellationToken.None));

        Assert.Equal(
            [QualifiedSubject.InDefaultContext("a/b c%?#ü"), new QualifiedSubject(".ctx", "x/y"), QualifiedSubject.InDefaultContext(":ctx:literal")],
            subjects);
        Assert.Equal("/subjects?subjectPrefix=%3A%2A%3Aa%2Fb", harness.Handler.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task BaseUrlWithAPath_KeepsItsPath()
    {
        using var harness = new GatewayHarness(o => o.Url = "https://gateway.test/registry/");
        harness.Handler.On(HttpMethod.Get, "/registry/subjects/a%2Fb/versions", Replies.Json("[1]"));

        await harness.RunAsync(g => g.ListVersionsAsync(QualifiedSubject.Parse("a/b"), DeletedFilter.LiveOnly, CancellationToken.None));

        Assert.Equal("https://gateway.test/registry/subjects/a%2Fb/versions", harness.Handler.Requests[0].Uri.OriginalString);
    }

    [Fact]
    public async Task ContextScopes_UseTheQualifiedContextSegment()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/config/%3A.staging%3A", Replies.Json("""{"compatibilityLevel":"FULL"}"""));
        harness.Handler.On(HttpMethod.Delete, "/contexts/.staging", Replies.Json("", System.Net.HttpStatusCode.NoContent));

        var config = await harness.RunAsync(g => g.GetConfigAsync(RegistryScope.ForContext("staging"), CancellationToken.None));
        await harness.RunAsync(g => g.DeleteContextAsync(":.staging:", CancellationToken.None));

        Assert.Equal("FULL", config!.Compatibility);
        Assert.Equal("/contexts/.staging", harness.Handler.Requests[1].PathAndQuery);
    }
}
