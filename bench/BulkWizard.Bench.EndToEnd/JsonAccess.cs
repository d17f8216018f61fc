using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>Short reads of tool results.</summary>
internal static class JsonAccess
{
    public static string? Str(this JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static int Int(this JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;

    public static string Need(this JsonNode? node, string name) =>
        node.Str(name) ?? throw new InvalidOperationException($"no '{name}' in {node?.ToJsonString() ?? "null"}");
}
