using System.ComponentModel;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol.Server;
using Run = BulkWizard.Core.Operations.RunSettings.Descriptions;
using Selection = BulkWizard.Core.Operations.SelectionArguments.Descriptions;
using Update = BulkWizard.Core.SchemaUpdate.SchemaUpdateArguments.Descriptions;

namespace BulkWizard.Server.Tools;

/// <summary>The schema update's planning tool: its flat parameters are <see cref="SchemaUpdateArguments"/>, the selection and the run settings.</summary>
[McpServerToolType]
public sealed class SchemaUpdateTools(WizardConversation conversation, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "bulk_schema_update", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Plans a bulk schema update from arguments alone, without questions: returns the plan id, hash and a short preview. Changes nothing; run the plan with confirm_bulk_operation.")]
    public Task<WizardReply> BulkSchemaUpdate(
        [Description(Selection.Pattern)] string pattern,
        [Description(Update.UpdateType)] string update_type = "compatibility",
        [Description(Update.Compatibility)] string? compatibility = null,
        [Description(Update.Convention)] string? convention = null,
        [Description(Update.MetadataTarget)] string? metadata_target = null,
        [Description(Update.MetadataAction)] string? metadata_action = null,
        [Description(Update.MetadataKey)] string? metadata_key = null,
        [Description(Update.MetadataValue)] string? metadata_value = null,
        [Description(Selection.Registry)] string? registry = null,
        [Description(Selection.IncludeDeleted)] bool include_deleted = false,
        [Description(Run.BatchSize)] int batch_size = 50,
        [Description(Run.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(Run.CreateBackup)] bool create_backup = true,
        [Description(Run.RollbackOnError)] bool rollback_on_error = true,
        [Description(Run.MaxParallel)] int max_parallel = 4,
        [Description(Run.Canary)] bool canary = true,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, () => conversation.PlanFromArgumentsAsync(
            new SelectionArguments(registry, pattern, IncludeDeleted: include_deleted),
            new SchemaUpdateArguments
            {
                UpdateType = update_type,
                Compatibility = compatibility,
                Convention = convention,
                MetadataTarget = metadata_target,
                MetadataAction = metadata_action,
                MetadataKey = metadata_key,
                MetadataValue = metadata_value,
            },
            RunSettings.Of(batch_size, delay_between_batches, create_backup, rollback_on_error, max_parallel, canary),
            cancellationToken));
}
