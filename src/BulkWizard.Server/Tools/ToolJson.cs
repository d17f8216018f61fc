using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace BulkWizard.Server.Tools;

/// <summary>Tool results use snake_case names, like the tools' parameters and the registry's own REST API.</summary>
internal static class ToolJson
{
    public static JsonSerializerOptions Options { get; } = new(McpJsonUtilities.DefaultOptions)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
