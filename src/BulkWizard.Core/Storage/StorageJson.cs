using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BulkWizard.Core.Storage;

/// <summary>
/// The JSON form of everything BulkWizard stores: snake_case names, properties in declaration order,
/// enums as snake_case strings, and <c>JsonObject</c> / <c>JsonNode</c> members written exactly as they are
/// (their own member names are data, never renamed).
/// </summary>
internal static class StorageJson
{
    /// <summary>Indented, for files a person may open.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>One line per value, for journals.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            // Files, not HTML: keep schema text readable instead of escaping quotes and angle brackets.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new QualifiedSubjectJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
