namespace BulkWizard.Core.Migration;

/// <summary>The answer keys and values of the migration steps.</summary>
internal static class MigrationKeys
{
    public const string MigrationType = "migration_type";
    public const string TargetRegistry = "target_registry";
    public const string SourceContext = "source_context";
    public const string TargetContext = "target_context";
    public const string PreserveIds = "preserve_ids";
    public const string AllVersions = "all_versions";
    public const string CopySettings = "copy_settings";
    public const string SourceAfter = "source_after";
    public const string TargetPrefix = "target_prefix";
    public const string TargetSuffix = "target_suffix";
    public const string KeepLast = "keep_last";
    public const string OlderThan = "older_than";

    public const string Context = "context";
    public const string Registry = "registry";
    public const string Archive = "archive";

    public const string Keep = "keep";
    public const string SoftDelete = "soft_delete";
    public const string PermanentDelete = "permanent_delete";

    public static IReadOnlyList<string> SourceAfterValues { get; } = [Keep, SoftDelete, PermanentDelete];
}
