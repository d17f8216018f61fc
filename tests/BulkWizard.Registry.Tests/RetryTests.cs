using System.Net;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry.Tests;

public sealed class RetryTests
{
    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Get_TransientStatus_IsRetriedUntilItSucceeds(int status)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Status(status), Replies.Json("""[".", ".a"]"""));

        var contexts = await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Equal([".", ".a"], contexts);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(50001)]
    [InlineData(50002)]
    [InlineData(50003)]
    [InlineData(50004)]
    public async Task Get_RegistryTransientErrorCode_IsRetriedEvenUnderAnUnlistedStatus(int errorCode)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Error(507, errorCode), Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(400, 400)]
    [InlineData(404, 404)]
    [InlineData(409, 409)]
    [InlineData(422, 42202)]
    [InlineData(501, 501)]
    [InlineData(507, 50005)]
    public async Task Get_FinalAnswer_IsNotRetriedAndKeepsStatusAndErrorCode(int status, int errorCode)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Error(status, errorCode, "nope"));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None)));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Get_AlwaysTransient_GivesUpAfterConfiguredRetries()
    {
        using var harness = new GatewayHarness(resilience: o => o.MaxRetryAttempts = 2);
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Error(503, 50003));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None)));

        Assert.Equal(50003, error.ErrorCode);
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Get_ZeroRetries_TriesOnce()
    {
        using var harness = new GatewayHarness(resilience: o => o.MaxRetryAttempts = 0);
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Status(503));

        await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None)));

        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Get_RetryAfter_WaitsAsLongAsTheRegistryAsks()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.RetryAfter(429, 20), Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        var requests = harness.Handler.Requests;
        Assert.Equal(2, requests.Count);

        // The first backoff is about one second; only the header explains twenty.
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
    }

    [Fact]
    public async Task Get_AttemptTimeout_IsRetried()
    {
        using var harness = new GatewayHarness(o => o.RequestTimeoutSeconds = 5);
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Hang, Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        var requests = harness.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Get_ConnectionReset_IsRetried()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Reset, Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task ConfigAndModeWrites_AreRetried()
    {
        using var harness = new GatewayHarness();
        var scope = RegistryScope.ForSubject(QualifiedSubject.Parse("orders"));
        harness.Handler
            .On(HttpMethod.Put, "/config/orders", Replies.Status(503), Replies.Json("""{"compatibility":"NONE"}"""))
            .On(HttpMethod.Delete, "/config/orders", Replies.Status(502), Replies.Json("""{"compatibilityLevel":"NONE"}"""))
            .On(HttpMethod.Put, "/mode/orders", Replies.Status(500), Replies.Json("""{"mode":"IMPORT"}"""))
            .On(HttpMethod.Delete, "/mode/orders", Replies.Status(504), Replies.Json("""{"mode":"IMPORT"}"""));

        await harness.RunAsync(g => g.PutConfigAsync(scope, RegistryConfig.WithCompatibility("NONE"), CancellationToken.None));
        await harness.RunAsync(g => g.DeleteConfigAsync(scope, CancellationToken.None));
        await harness.RunAsync(g => g.SetModeAsync(scope, RegistryMode.Import, force: true, CancellationToken.None));
        await harness.RunAsync(g => g.DeleteModeAsync(scope, CancellationToken.None));

        Assert.Equal(8, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Lookup_IsARead_AndIsRetried()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders", Replies.Status(503), Replies.Json(Schemas.Version("orders", 1, 7)));

        var found = await harness.RunAsync(g => g.LookupAsync(QualifiedSubject.Parse("orders"), new RegisterSchemaRequest(Schemas.Avro), false, CancellationToken.None));

        Assert.Equal(7, found!.Id);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }
}
