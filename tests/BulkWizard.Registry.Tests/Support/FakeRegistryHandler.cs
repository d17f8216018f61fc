using System.Collections.Concurrent;

namespace BulkWizard.Registry.Tests.Support;

/// <summary>
/// Stands in for the network under the gateway's handlers. Routes by method and escaped path; a route's
/// replies are used in order and the last one repeats. Unrouted requests get a 599 that names them.
/// </summary>
internal sealed class FakeRegistryHandler(TimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Route> _routes = [];

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public FakeRegistryHandler On(HttpMethod method, string path, params Reply[] replies)
    {
        lock (_routes)
        {
            _routes.Add(new Route(method, path, new Queue<Reply>(replies)));
        }

        return this;
    }

    public IReadOnlyList<RecordedRequest> To(HttpMethod method, string path) =>
        [.. Requests.Where(r => r.Method == method && r.Path == path)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method, request.RequestUri!, body, request.Headers.Authorization, request.Headers.Accept.ToString(), request.Content?.Headers.ContentType?.ToString(), time.GetUtcNow());
        _requests.Enqueue(recorded);

        Reply reply;
        lock (_routes)
        {
            var route = _routes.LastOrDefault(r => r.Method == request.Method && r.Path == recorded.Path);
            reply = route is null ? Replies.Error(599, 599, $"no route for {request.Method} {recorded.PathAndQuery}") : route.Next();
        }

        var response = await reply(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    // The client factory may dispose handler chains; the base class holds nothing, so the fake outlives them.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);

    private sealed record Route(HttpMethod Method, string Path, Queue<Reply> Replies)
    {
        public Reply Next() => Replies.Count > 1 ? Replies.Dequeue() : Replies.Peek();
    }
}
