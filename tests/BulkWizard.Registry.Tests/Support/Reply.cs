using System.Net;
using System.Text;

namespace BulkWizard.Registry.Tests.Support;

/// <summary>How the fake registry answers one request.</summary>
internal delegate Task<HttpResponseMessage> Reply(RecordedRequest request, CancellationToken cancellationToken);

/// <summary>Ready-made answers: registry JSON, registry errors, and the failures a network produces.</summary>
internal static class Replies
{
    public static Reply Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/vnd.schemaregistry.v1+json") });

    public static Reply Error(int status, int errorCode, string message = "error") =>
        Json($$"""{"error_code":{{errorCode}},"message":"{{message}}"}""", (HttpStatusCode)status);

    public static Reply Status(int status) =>
        (_, _) => Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("<html>proxy</html>") });

    public static Reply RetryAfter(int status, int seconds) => (_, _) =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return Task.FromResult(response);
    };

    /// <summary>Never answers; only the attempt timeout (or the caller) ends it.</summary>
    public static Reply Hang { get; } = async (_, cancellationToken) =>
    {
        await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    /// <summary>Connection refused: nothing was sent.</summary>
    public static Reply Refuse { get; } = (_, _) =>
        Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

    /// <summary>The connection broke after the request went out.</summary>
    public static Reply Reset { get; } = (_, _) =>
        Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely", new IOException("reset")));
}
