using Microsoft.Extensions.Primitives;

namespace BulkWizard.Sandbox.Http;

/// <summary>
/// A request path split on '/' before decoding, so a subject with an encoded slash stays one segment,
/// and its query. Rewriters (context prefix, aliases) change both as the registry's filters do.
/// </summary>
internal sealed class RequestPath(List<string> segments, Dictionary<string, StringValues> query)
{
    public List<string> Segments { get; } = segments;

    public Dictionary<string, StringValues> Query { get; } = query;

    public static RequestPath FromRawTarget(string rawTarget, IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var pathPart = rawTarget.Split('?', 2)[0];
        var schemeEnd = pathPart.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var slash = pathPart.IndexOf('/', schemeEnd + 3);
            pathPart = slash < 0 ? "/" : pathPart[slash..];
        }

        var segments = pathPart.TrimStart('/').Split('/').Select(Uri.UnescapeDataString).ToList();
        if (segments.Count > 0 && segments[^1].Length == 0)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return new RequestPath(segments, query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal));
    }

    public string? Param(string name) => Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
}
