using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace BulkWizard.Server.Tools;

/// <summary>
/// How tool results are written. The SDK derives each tool's <c>outputSchema</c> from its return type with these
/// options and serializes both the <c>structuredContent</c> and the text block with them.
/// </summary>
internal static class ToolJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            // snake_case, like the tools' parameters and the registry's own REST API.
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

            // The derived schema lists nullable members as required with type [..., "null"], and clients built on
            // the TypeScript SDK reject a result that leaves one out: write null rather than omit it.
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,

            // The text block is this JSON as a string, and models read it: "→", "'" and "…" stay as they are
            // instead of \u2192, \u0027 and \u2026. It is never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        // First, so it wins over the SDK's own enum converter, which keeps member names as written.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
