using System.Text.Json;
using System.Text.Json.Serialization;

namespace BulkWizard.Registry;

/// <summary>JSON as the registry speaks it: camelCase members, absent rather than null.</summary>
internal static class RegistryJson
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
