using System.Text.Json;
using System.Text.Json.Serialization;

namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// How <c>/_sandbox/faults</c> reads and writes <see cref="FaultOptions"/>: camelCase like the registry's own bodies,
/// enums as camelCase names, times as "hh:mm:ss.fff", unknown members refused (a misspelt fault would arm nothing).
/// </summary>
internal static class FaultsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
