using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Prompts;

/// <summary>
/// A <c>prompts/get</c> filter: a required argument left out or blank is refused as Invalid params naming it, before
/// the prompt runs (the SDK would report a generic internal error).
/// </summary>
internal static class RequiredPromptArguments
{
    public static McpRequestHandler<GetPromptRequestParams, GetPromptResult> Check(McpRequestHandler<GetPromptRequestParams, GetPromptResult> next) =>
        async (request, cancellationToken) =>
        {
            if (request.MatchedPrimitive is McpServerPrompt prompt)
            {
                var given = request.Params?.Arguments;
                foreach (var argument in prompt.ProtocolPrompt.Arguments ?? [])
                {
                    if (argument.Required == true && (given is null || !given.TryGetValue(argument.Name, out var value)
                        || value.ValueKind is System.Text.Json.JsonValueKind.Null
                        || (value.ValueKind is System.Text.Json.JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))))
                    {
                        throw PromptArgumentException.Invalid(argument.Name, $"missing; prompt '{prompt.ProtocolPrompt.Name}' requires it ({argument.Description})");
                    }
                }
            }

            return await next(request, cancellationToken);
        };
}
