using System.Collections.Concurrent;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests.Pacing;

/// <summary>
/// The registry's pace through the gateway as wired in production, over a fake network and a fake clock: a 429 holds
/// every request to the registry for its Retry-After (seconds or a date, at most MaxDelay), a write turned away is sent
/// again once, and 50002 narrows the writes in flight; each is told to the pace's watchers.
/// </summary>
public sealed class RegistryPaceTests
{
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders-value");
    private static readonly RegisterSchemaRequest Schema = new(Some.AvroRecord("Order", "id"));

    [Fact]
    public async Task Register_429RetryAfter_SentAgainOnceAfterTheWait_AndAReadStartedMeanwhileWaitsToo()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders-value/versions", Replies.RetryAfter(429, 20), Replies.Json("""{"id":1,"version":1}"""));
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.Json("""["."]"""));
        var events = new ConcurrentQueue<PaceEvent>();
        Task<IReadOnlyList<string>>? read = null;
        using var watch = harness.Gateway.WatchPace(e =>
        {
            events.Enqueue(e);
            read ??= harness.Gateway.ListContextsAsync(CancellationToken.None);
        });
        var start = harness.Time.GetUtcNow();

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));
        await harness.RunAsync(_ => read!);

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        var registrations = harness.Handler.To(HttpMethod.Post, "/subjects/orders-value/versions");
        Assert.Equal(2, registrations.Count);
        Assert.InRange(registrations[1].At - start, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
        Assert.True(harness.Handler.To(HttpMethod.Get, "/contexts").Single().At - start >= TimeSpan.FromSeconds(20));
        var rateLimited = Assert.Single(events);
        Assert.Equal((PaceReason.RateLimited, "registry asked to wait 20 s (429)"), (rateLimited.Reason, rateLimited.Message));
    }

    [Fact]
    public async Task Get_429RetryAfterADate_WaitsUntilThen()
    {
        using var harness = new GatewayHarness();
        var until = harness.Time.GetUtcNow().AddSeconds(12);
        Reply dated = (_, _) =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(until);
            return Task.FromResult(response);
        };
        harness.Handler.On(HttpMethod.Get, "/contexts", dated, Replies.Json("""["."]"""));

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        var requests = harness.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13));
    }

    [Fact]
    public async Task Get_429RetryAfterBeyondMaxDelay_WaitsMaxDelayAndSaysSo()
    {
        using var harness = new GatewayHarness(resilience: r => r.MaxDelay = TimeSpan.FromSeconds(30));
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.RetryAfter(429, 3600), Replies.Json("""["."]"""));
        var events = new ConcurrentQueue<PaceEvent>();
        using var watch = harness.Gateway.WatchPace(events.Enqueue);

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        var requests = harness.Handler.Requests;
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
        Assert.Equal("registry asked to wait 3600 s (429); waiting 30 s, the most allowed", Assert.Single(events).Message);
    }

    [Fact]
    public async Task PutConfig_50002_RetriedToldAsATimeout_ThenRecovered()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Put, "/config/orders-value", Replies.Error(500, 50002, "Operation timed out"), Replies.Json("""{"compatibility":"FULL"}"""));
        var events = new ConcurrentQueue<PaceEvent>();
        using var watch = harness.Gateway.WatchPace(events.Enqueue);

        await harness.RunAsync(g => g.PutConfigAsync(RegistryScope.ForSubject(Orders), RegistryConfig.WithCompatibility("FULL"), CancellationToken.None));

        // One write in flight: the window narrows to one, and the good retry opens it again.
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal(
            [(PaceReason.OperationTimedOut, "registry timed out an operation (50002); at most 1 write at a time now"),
             (PaceReason.Recovered, "writes going well again; back to full parallelism")],
            events.Select(e => (e.Reason, e.Message)));
    }

    [Fact]
    public async Task WatchPace_Disposed_NoMoreEvents()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/contexts", Replies.RetryAfter(429, 1), Replies.Json("""["."]"""));
        var events = new ConcurrentQueue<PaceEvent>();
        harness.Gateway.WatchPace(events.Enqueue).Dispose();

        await harness.RunAsync(g => g.ListContextsAsync(CancellationToken.None));

        Assert.Empty(events);
    }
}
