using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace BulkWizard.Server.Apps;

/// <summary>
/// Declares the MCP Apps extension in the server's capabilities when the client offers it with the page's MIME type in
/// its <c>initialize</c> request (SEP-1865: negotiated, both sides declare it). A <c>server/discover</c> answer, which
/// no client capabilities precede, always declares it: the client uses it only if it supports it too.
/// </summary>
internal static class UiExtensionNegotiation
{
    public static IMcpServerBuilder WithUiExtensionNegotiation(this IMcpServerBuilder builder)
    {
        var offeredBy = new System.Collections.Concurrent.ConcurrentDictionary<RequestId, bool>();
        return builder.WithMessageFilters(filters =>
        {
            filters.AddIncomingFilter(next => (context, cancellationToken) =>
            {
                if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize } initialize)
                {
                    offeredBy[initialize.Id] = Offers(initialize.Params);
                }
                else if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ServerDiscover } discover)
                {
                    offeredBy[discover.Id] = true;
                }

                return next(context, cancellationToken);
            });
            filters.AddOutgoingFilter(next => (context, cancellationToken) =>
            {
                if (context.JsonRpcMessage is JsonRpcMessageWithId { Id: var id } && offeredBy.TryRemove(id, out var offered) && offered
                    && context.JsonRpcMessage is JsonRpcResponse { Result: JsonObject { } result } && result["capabilities"] is JsonObject capabilities)
                {
                    var extensions = capabilities["extensions"] as JsonObject ?? new JsonObject();
                    extensions[PlanReviewApp.ExtensionId] = new JsonObject { ["mimeTypes"] = new JsonArray(PlanReviewApp.MimeType) };
                    capabilities["extensions"] = extensions;
                }

                return next(context, cancellationToken);
            });
        });
    }

    private static bool Offers(JsonNode? initializeParams) =>
        initializeParams?["capabilities"]?["extensions"]?[PlanReviewApp.ExtensionId] is JsonObject ui
        && (ui["mimeTypes"] is not JsonArray types || types.Any(t => t?.GetValue<string>() == PlanReviewApp.MimeType));
}
