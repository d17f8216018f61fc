namespace BulkWizard.Core.Migration;

/// <summary>What to migrate where, from the answers. <see cref="TargetRegistry"/> is null for the source registry.</summary>
internal sealed record MigrationRequest(
    MigrationType Type, string? TargetRegistry, string TargetContext, bool PreserveIds, bool AllVersions, bool CopySettings, string SourceAfter,
    string TargetPrefix, string TargetSuffix)
{
    public bool RemovesSource => SourceAfter != MigrationKeys.Keep;

    public string TargetName(string sourceName) => TargetPrefix + sourceName + TargetSuffix;
}
