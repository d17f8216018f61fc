using BulkWizard.Core.Registry;

namespace BulkWizard.Server.Tools;

/// <summary>What a registry's version lets the tools do; all false when the version is unknown.</summary>
public sealed record RegistryCapabilities(
    bool Contexts,
    bool DeletedOnly,
    bool MetadataAndRuleSets,
    bool Aliases,
    bool ContextDelete,
    bool FullSchemaFields,
    int? IncompatibleSchemaErrorCode)
{
    public static RegistryCapabilities From(ServerCapabilities capabilities) => new(
        capabilities.SupportsContexts,
        capabilities.SupportsDeletedOnly,
        capabilities.SupportsMetadataAndRuleSets,
        capabilities.SupportsAliases,
        capabilities.SupportsContextDelete,
        capabilities.ReportsFullSchemaFields,
        capabilities.IncompatibleSchemaErrorCode);
}
