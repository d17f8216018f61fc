using System.Net.Http.Headers;

namespace BulkWizard.Registry.Tests.Support;

/// <summary>A request as the fake registry saw it: what went on the wire, and when on the fake clock.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, string? Body, AuthenticationHeaderValue? Authorization, string Accept, string? ContentType, DateTimeOffset At)
{
    /// <summary>Path and query exactly as sent.</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    public string Path => PathAndQuery.Split('?')[0];

    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery[(PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
}
