using ModelContextProtocol;

namespace BulkWizard.Server.Prompts;

/// <summary>A prompt argument that is missing or not allowed: JSON-RPC Invalid params, naming the argument, as the spec asks.</summary>
internal static class PromptArgumentException
{
    public static McpProtocolException Invalid(string argument, string problem) =>
        new($"{argument}: {problem}", McpErrorCode.InvalidParams);
}
