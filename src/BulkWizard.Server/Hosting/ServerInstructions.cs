namespace BulkWizard.Server.Hosting;

internal static class ServerInstructions
{
    public const string Text =
        "BulkWizard runs bulk administrative operations on Confluent-compatible Schema Registries. " +
        "Start with list_registries to see which registries are configured and what they support, and " +
        "get_registry_inventory to see how many subjects, versions, contexts and overrides a registry holds. " +
        "Every tool result names the registry it acted on.";
}
