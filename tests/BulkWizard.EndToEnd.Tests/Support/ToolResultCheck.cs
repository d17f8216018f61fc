using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// What a client built on the official TypeScript SDK checks in a <c>tools/call</c> result, and the JSON-RPC error
/// it raises in its place: structured content is required unless the result is an error, and must match the
/// tool's declared output schema whenever it is there.
/// </summary>
public static class ToolResultCheck
{
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;

    /// <summary>The error such a client would raise for <paramref name="result"/>; null when it accepts it.</summary>
    public static JsonRpcErrorDetail? Inspect(OutputSchemas schemas, string tool, JsonNode? result)
    {
        // An input_required result (multi round-trip requests) is a question, not the tool's result.
        if (result is not JsonObject call || !schemas.Declares(tool) || call["resultType"]?.GetValue<string>() == "input_required")
        {
            return null;
        }

        if (call["structuredContent"] is not { } structured)
        {
            return call["isError"]?.GetValue<bool>() == true
                ? null
                : new JsonRpcErrorDetail { Code = InvalidRequest, Message = $"Tool {tool} has an output schema but did not return structured content" };
        }

        var problems = schemas.ProblemsOf(tool, structured);
        return problems.Count == 0
            ? null
            : new JsonRpcErrorDetail { Code = InvalidParams, Message = $"Structured content does not match the tool's output schema: {string.Join(", ", problems)}" };
    }
}
