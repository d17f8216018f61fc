using System.ComponentModel;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol.Server;
using Cleanup = BulkWizard.Core.Cleanup.CleanupArguments.Descriptions;
using Migration = BulkWizard.Core.Migration.MigrationArguments.Descriptions;
using Run = BulkWizard.Core.Operations.RunSettings.Descriptions;
using Selection = BulkWizard.Core.Operations.SelectionArguments.Descriptions;

namespace BulkWizard.Server.Tools;

/// <summary>The migration's planning tool: its flat parameters are <see cref="MigrationArguments"/>, the selection and the run settings.</summary>
[McpServerToolType]
public sealed class MigrationTools(WizardConversation conversation, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "bulk_schema_migration", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Plans a migration of subjects between contexts or registries (ids and versions preserved, references in order, conflicts reported before " +
        "any write), or a version archival (old versions archived, then deleted), from arguments alone. Returns the plan id, hash and a short preview; changes " +
        "nothing. Run it with confirm_bulk_operation (a dry run, then YES).")]
    public Task<WizardReply> BulkSchemaMigration(
        [Description(Migration.MigrationType)] string migration_type,
        [Description(Migration.Pattern)] string pattern,
        [Description(Migration.SourceRegistry)] string? source_registry = null,
        [Description(Migration.TargetRegistry)] string? target_registry = null,
        [Description(Migration.SourceContext)] string? source_context = null,
        [Description(Migration.TargetContext)] string? target_context = null,
        [Description(Migration.PreserveIds)] bool preserve_ids = true,
        [Description(Migration.AllVersions)] bool all_versions = true,
        [Description(Selection.IncludeDeleted)] bool include_deleted = false,
        [Description(Migration.CopySettings)] bool copy_settings = true,
        [Description(Migration.SourceAfter)] string? source_after = null,
        [Description(Migration.TargetPrefix)] string? target_prefix = null,
        [Description(Migration.TargetSuffix)] string? target_suffix = null,
        [Description(Migration.KeepLast)] int? keep_last = null,
        [Description(Migration.OlderThan)] string? older_than = null,
        [Description(Cleanup.ProducersAction)] string? producers_action = null,
        [Description(Cleanup.ConsumersAction)] string? consumers_action = null,
        [Description(Cleanup.UnknownImpact)] string? unknown_impact = null,
        [Description(Run.BatchSize)] int batch_size = 50,
        [Description(Run.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(Run.CreateBackup)] bool create_backup = true,
        [Description(Run.RollbackOnError)] bool rollback_on_error = true,
        [Description(Run.MaxParallel)] int max_parallel = 4,
        [Description(Run.Canary)] bool canary = true,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(source_registry ?? registries.Default.Name, () =>
        {
            MigrationRegistries.Configured(registries, "source_registry", source_registry);
            if (target_registry is not null)
            {
                MigrationRegistries.Configured(registries, "target_registry", target_registry);
            }

            var arguments = new MigrationArguments
            {
                MigrationType = migration_type,
                TargetRegistry = target_registry,
                SourceContext = source_context,
                TargetContext = target_context ?? (migration_type == "registry" ? "." : null),
                PreserveIds = preserve_ids,
                AllVersions = all_versions,
                CopySettings = copy_settings,
                SourceAfter = source_after ?? MigrationArguments.DefaultSourceAfter(migration_type),
                TargetPrefix = target_prefix,
                TargetSuffix = target_suffix,
                KeepLast = keep_last ?? (older_than is null ? null : 1),
                OlderThan = older_than,
                ProducersAction = producers_action,
                ConsumersAction = consumers_action,
                UnknownImpact = unknown_impact,
            };
            if (arguments.Validate() is { } problem)
            {
                throw new Core.Wizard.WizardInputException(problem);
            }

            return conversation.PlanFromArgumentsAsync(
                new SelectionArguments(source_registry, MigrationArguments.QualifyPattern(pattern, source_context), IncludeDeleted: include_deleted),
                arguments,
                RunSettings.Of(batch_size, delay_between_batches, create_backup, rollback_on_error, max_parallel, canary),
                cancellationToken);
        });
}
