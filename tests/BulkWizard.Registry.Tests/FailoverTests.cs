using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class FailoverTests
{
    [Fact]
    public async Task UnreachableFirstUrl_MovesToTheNextAndKeepsUsingIt()
    {
        using var harness = new GatewayHarness(o => o.Url = "http://one.test:8081, http://two.test:8081");
        harness.Handler.On(HttpMethod.Get, "/contexts", (request, ct) =>
            request.Uri.Host == "one.test" ? Replies.Refuse(request, ct) : Replies.Json("""["."]""")(request, ct));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));
        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Equal(["one.test", "two.test", "two.test"], harness.Handler.Requests.Select(r => r.Uri.Host));
    }

    [Fact]
    public async Task Write_WithoutRetries_FailsOverOnlyWhenNothingWasSent()
    {
        using var harness = new GatewayHarness(o => o.Url = "http://one.test:8081,http://two.test:8081", r => r.MaxRetryAttempts = 0);
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", (request, ct) =>
                request.Uri.Host == "one.test" ? Replies.Refuse(request, ct) : Replies.Reset(request, ct))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Error(404, 40403));

        var result = await harness.RunAsync(g => g.RegisterAsync(QualifiedSubject.Parse("orders"), new RegisterSchemaRequest(Schemas.Avro), CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, result.Outcome);
        Assert.Equal(["one.test", "two.test"], harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions").Select(r => r.Uri.Host));
    }

    [Fact]
    public async Task AllUrlsUnreachable_ReadIsRetriedThenFails()
    {
        using var harness = new GatewayHarness(o => o.Url = "http://one.test:8081,http://two.test:8081", r => r.MaxRetryAttempts = 1);
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Refuse);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None)));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(4, harness.Handler.Requests.Count);
    }
}
