using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Resources;

/// <summary>
/// The spec's error for a resource that does not exist: -32002 (Resource not found) with the URI in <c>data</c>, or
/// -32602 (Invalid params) for clients on 2026-07-28 or later, which replaced it; the SDK picks the same way for URIs
/// that match no template.
/// </summary>
internal static class ResourceNotFound
{
    private const string FirstInvalidParamsRevision = "2026-07-28";

    public static McpProtocolException For(McpServer server, string uri, string reason)
    {
        var code = string.CompareOrdinal(server.NegotiatedProtocolVersion ?? "", FirstInvalidParamsRevision) >= 0
            ? McpErrorCode.InvalidParams
            : McpErrorCode.ResourceNotFound;
        var error = new McpProtocolException($"Resource not found: {uri}: {reason}", code);
        error.Data["uri"] = uri;
        return error;
    }
}
