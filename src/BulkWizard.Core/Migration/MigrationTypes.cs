using BulkWizard.Core.Operations;

namespace BulkWizard.Core.Migration;

/// <summary>The migration types by <c>migration_type</c>: between contexts of one registry, or to another registry.</summary>
internal static class MigrationTypes
{
    public static MigrationType Context { get; } = new(MigrationKeys.Context, "migration_context", "migration_context_description")
    {
        DefaultSourceAfter = MigrationKeys.SoftDelete,
        Missing = a => a.TargetContext is null
            ? OperationArguments.MissingFor("target_context", $"migration_type '{MigrationKeys.Context}'", "the context to move to, e.g. .prod")
            : null,
    };

    public static MigrationType Registry { get; } = new(MigrationKeys.Registry, "migration_registry", "migration_registry_description")
    {
        DefaultSourceAfter = MigrationKeys.Keep,
        ToAnotherRegistry = true,
        Missing = a => a.TargetRegistry is null
            ? OperationArguments.MissingFor("target_registry", $"migration_type '{MigrationKeys.Registry}'", "the name of a configured registry (see list_registries)")
            : null,
    };

    public static MigrationType Archive { get; } = new(MigrationKeys.Archive, "migration_archive", "migration_archive_description")
    {
        DefaultSourceAfter = MigrationKeys.SoftDelete,
        Archives = true,
        Missing = a => a.KeepLast is null && a.OlderThan is null
            ? OperationArguments.MissingFor("keep_last", $"migration_type '{MigrationKeys.Archive}'", "the newest versions to keep, or older_than a date")
            : null,
    };

    public static IReadOnlyList<MigrationType> All { get; } = [Context, Registry, Archive];

    public static IEnumerable<string> Values => All.Select(t => t.Value);

    public static MigrationType? Find(string? value) => All.FirstOrDefault(t => t.Value == value);
}
