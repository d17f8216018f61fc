namespace BulkWizard.Core.Cleanup;

/// <summary>The answer keys and values of the cleanup steps and review questions.</summary>
internal static class CleanupKeys
{
    public const string CleanupType = "cleanup_type";
    public const string Permanent = "permanent";
    public const string KeepLast = "keep_last";
    public const string RemoveEmptyContext = "remove_empty_context";
    public const string RemoveDanglingAliases = "remove_dangling_aliases";
    public const string CreateBackup = "create_backup";
    public const string BackupAlways = "yes";

    public const string Deprecated = "deprecated";
    public const string Test = "test";
    public const string OldVersions = "old_versions";
    public const string Pattern = "pattern";

    public const string SamplePerPartition = "sample_per_partition";
    public const string WholeTopic = "whole_topic";
    public const string WaitTimeoutSeconds = "wait_timeout_seconds";

    /// <summary>Kept in the plan's answers: the selection as the title shows it, for planning again after a review leaves subjects out.</summary>
    public const string SelectionDescription = "selection_description";

    public const string ProducersAction = "producers_action";
    public const string ConsumersAction = "consumers_action";
    public const string UnknownImpact = "unknown_impact";

    public const string Force = "force";
    public const string Skip = "skip";
    public const string Cancel = "cancel";
    public const string Wait = "wait";
    public const string Proceed = "proceed";
}
