using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Resources;

/// <summary>
/// A <c>tools/call</c> filter: each BulkWizard resource a result names (the plan's, task's, backup's or template's
/// <c>resource_uri</c>, a result's <c>backup_uri</c>) is also given as a <c>resource_link</c> content block, so a
/// client can offer the whole plan or backup without the model pasting it. The structured result is left as it is.
/// Lists are not linked item by item: only the result itself and the objects directly in it are looked at.
/// </summary>
internal static class ResourceLinks
{
    /// <summary>The revision that added <c>resource_link</c>: clients on earlier ones would not know the block.</summary>
    private const string FirstRevision = "2025-06-18";

    private static readonly string[] LinkProperties = ["resource_uri", "backup_uri"];

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Add(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken);
            if (result.IsError == true || result.StructuredContent is not { ValueKind: JsonValueKind.Object } structured)
            {
                return result;
            }

            var uris = Named(structured).Distinct(StringComparer.Ordinal).ToList();
            if (uris.Count == 0)
            {
                return result;
            }

            if (string.CompareOrdinal(request.Server.NegotiatedProtocolVersion ?? "", FirstRevision) >= 0)
            {
                foreach (var uri in uris)
                {
                    result.Content.Add(Link(uri));
                }
            }

            request.Services?.GetService<ResourceListChanges>()?.Named(request.Server, uris);
            return result;
        };

    /// <summary>The BulkWizard addresses named by the result and by each object directly in it.</summary>
    public static IEnumerable<string> Named(JsonElement result)
    {
        foreach (var uri in Own(result))
        {
            yield return uri;
        }

        foreach (var property in result.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var uri in Own(property.Value))
                {
                    yield return uri;
                }
            }
        }
    }

    private static IEnumerable<string> Own(JsonElement item)
    {
        foreach (var name in LinkProperties)
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { } uri && uri.StartsWith(ResourceUris.Scheme, StringComparison.Ordinal))
            {
                yield return uri;
            }
        }
    }

    private static ResourceLinkBlock Link(string uri)
    {
        var (kind, id) = ResourceUris.Parse(uri);
        return new ResourceLinkBlock
        {
            Uri = uri,
            Name = id,
            Title = $"{kind} {id}",
            MimeType = BulkWizardResources.Json,
        };
    }
}
