using System.Net;
using System.Text;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task BasicAuth_IsSentOnEveryRequest()
    {
        using var harness = new GatewayHarness(o => (o.Username, o.Password) = ("alice", "s3cret:x"));
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        var authorization = harness.Handler.Requests[0].Authorization!;
        Assert.Equal("Basic", authorization.Scheme);
        Assert.Equal("alice:s3cret:x", Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter!)));
    }

    [Fact]
    public async Task BearerToken_IsSent()
    {
        using var harness = new GatewayHarness(o => o.BearerToken = "tok-123");
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Equal("Bearer tok-123", harness.Handler.Requests[0].Authorization!.ToString());
    }

    [Fact]
    public async Task CredentialsInTheUrl_BecomeBasicAuthAndLeaveTheRequestLine()
    {
        using var harness = new GatewayHarness(o => o.Url = "http://bob:pw@registry.test:8081");
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        var request = harness.Handler.Requests[0];
        Assert.Equal("", request.Uri.UserInfo);
        Assert.Equal("bob:pw", Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization!.Parameter!)));
    }

    [Fact]
    public async Task NoCredentials_SendsNoAuthorization()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Null(harness.Handler.Requests[0].Authorization);
    }

    [Fact]
    public void BasicAndBearerTogether_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new GatewayHarness(o => (o.Username, o.BearerToken) = ("alice", "tok")));

        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, true)]
    [InlineData(403, false)]
    public async Task AccessDenied_IsItsOwnExceptionAndNotRetried(int status, bool unauthenticated)
    {
        using var harness = new GatewayHarness(o => (o.Username, o.Password) = ("alice", "wrong"));
        harness.Handler.On(HttpMethod.Get, "/subjects", Replies.Error(status, status, "Unauthorized"));

        var error = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => harness.RunAsync(g => g.ListSubjectsAsync(SubjectQuery.All, CancellationToken.None)));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(unauthenticated, error.IsUnauthenticated);
        Assert.Equal("prod", error.RegistryName);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task AccessDeniedOnAWrite_IsThrownNotClassified()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.Error(403, 40301, "forbidden"));

        await Assert.ThrowsAsync<RegistryAccessDeniedException>(() =>
            harness.RunAsync(g => g.RegisterAsync(QualifiedSubject.Parse("orders"), new RegisterSchemaRequest(Schemas.Avro), CancellationToken.None)));

        Assert.Single(harness.Handler.Requests);
    }
}
