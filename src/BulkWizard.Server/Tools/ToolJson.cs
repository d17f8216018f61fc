using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace BulkWizard.Server.Tools;

/// <summary>Tool results use snake_case names, like the tools' parameters and the registry's own REST API.</summary>
internal static class ToolJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        // First, so it wins over the SDK's own enum converter, which keeps member names as written.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
