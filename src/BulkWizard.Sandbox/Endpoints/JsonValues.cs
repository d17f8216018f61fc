using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>Small JSON builders for list answers.</summary>
internal static class JsonValues
{
    public static JsonArray Array(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Array(IEnumerable<int> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
