namespace BulkWizard.Server.Tools;

/// <summary>Parameter descriptions shared by several tools, so each setting is described once.</summary>
internal static class ToolText
{
    public const string Registry = "Configured registry name (see list_registries); the default registry when omitted.";
    public const string Pattern = "Subjects to select: test-* (default context), :.staging:orders-* (one context), :*:test-* (every context); comma-separated, !term excludes.";
    public const string IncludeDeleted = "Also select soft-deleted subjects (default false).";
    public const string UpdateType = "compatibility, naming or metadata.";
    public const string Convention = "For naming updates: topic_name, record_name, topic_record_name, kebab_case, snake_case, camel_case, prefix:<text> or context:<.name>.";
    public const string MetadataTarget = "For metadata updates: latest_versions (new versions with the new metadata), default_metadata or override_metadata (subject config).";
    public const string MetadataAction = "For metadata updates: set_property, remove_property, set_tags or remove_tags.";
    public const string MetadataKey = "For metadata updates: the property name (comma-separated to remove several), or the schema path for tags.";
    public const string MetadataValue = "For metadata updates: the property value, or the tags, comma-separated.";
    public const string Compatibility = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.";
    public const string BatchSize = "Items per batch, 1 to 1000 (default 50).";
    public const string DelayBetweenBatches = "Seconds between batches, 0 to 3600 (default 0).";
    public const string CreateBackup = "Back up everything the plan touches before the first write (default true); false is refused when rollback_on_error is on or the plan deletes anything.";
    public const string RollbackOnError = "Undo every applied change when an item fails (default true).";
    public const string MaxParallel = "Items run at once within a batch, 1 to 64 (default 4).";
    public const string Canary = "Run the first item alone and verify it before the rest (default true).";
    public const string WaitSeconds = "Seconds to wait for the run before returning its task id, 0 to 50 (default 20).";
    public const string PlanId = "The plan_id a planning tool returned.";
    public const string BackupId = "The backup_id, e.g. from list_backups or a task result.";
}
