using ModelContextProtocol.Server;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// Whether the client declared that it can show elicitation forms. <c>IsMrtrSupported</c> is true on every
/// stdio session and says nothing about forms; only the elicitation capability does (an empty one means
/// forms, as the spec keeps it for clients older than URL elicitation).
/// </summary>
public static class ClientForms
{
    public static bool Available(McpServer server) =>
        server.ClientCapabilities?.Elicitation is { } elicitation && (elicitation.Form is not null || elicitation.Url is null);
}
