using System.ComponentModel;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol.Server;
using Cleanup = BulkWizard.Core.Cleanup.CleanupArguments.Descriptions;
using Run = BulkWizard.Core.Operations.RunSettings.Descriptions;
using Selection = BulkWizard.Core.Operations.SelectionArguments.Descriptions;

namespace BulkWizard.Server.Tools;

/// <summary>The cleanup's planning tool: its flat parameters are <see cref="CleanupArguments"/>, the selection and the run settings.</summary>
[McpServerToolType]
public sealed class CleanupTools(WizardConversation conversation, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "bulk_schema_cleanup", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Plans a bulk cleanup (soft or permanent deletes, reference-safe, with the consumer-impact check) from arguments alone: returns the plan id, hash " +
        "and a short preview. Changes nothing; run the plan with confirm_bulk_operation (a dry run, then YES). Impact questions not answered by their " +
        "arguments are reported as missing, with what was found.")]
    public Task<WizardReply> BulkSchemaCleanup(
        [Description(Cleanup.CleanupType)] string cleanup_type,
        [Description(Cleanup.Pattern)] string? pattern = null,
        [Description(Selection.Registry)] string? registry = null,
        [Description(Cleanup.Permanent)] bool permanent = false,
        [Description(Cleanup.KeepLast)] int? keep_last = null,
        [Description(Selection.IncludeDeleted)] bool include_deleted = false,
        [Description(Cleanup.RemoveEmptyContext)] bool remove_empty_context = false,
        [Description(Cleanup.RemoveDanglingAliases)] bool remove_dangling_aliases = false,
        [Description(Cleanup.ProducersAction)] string? producers_action = null,
        [Description(Cleanup.ConsumersAction)] string? consumers_action = null,
        [Description(Cleanup.UnknownImpact)] string? unknown_impact = null,
        [Description(Cleanup.SamplePerPartition)] int? sample_per_partition = null,
        [Description(Cleanup.WholeTopic)] bool? whole_topic = null,
        [Description(Cleanup.WaitTimeoutSeconds)] int? wait_timeout_seconds = null,
        [Description(Run.BatchSize)] int batch_size = 50,
        [Description(Run.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(Run.CreateBackup)] bool create_backup = true,
        [Description(Run.RollbackOnError)] bool rollback_on_error = true,
        [Description(Run.MaxParallel)] int max_parallel = 4,
        [Description(Run.Canary)] bool canary = true,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, () =>
        {
            var arguments = new CleanupArguments
            {
                CleanupType = cleanup_type,
                Permanent = permanent,
                KeepLast = keep_last,
                RemoveEmptyContext = remove_empty_context,
                RemoveDanglingAliases = remove_dangling_aliases,
                ProducersAction = producers_action,
                ConsumersAction = consumers_action,
                UnknownImpact = unknown_impact,
                SamplePerPartition = sample_per_partition,
                WholeTopic = whole_topic,
                WaitTimeoutSeconds = wait_timeout_seconds,
            };
            if ((arguments.Validate() ?? arguments.MissingPattern(pattern)) is { } problem)
            {
                throw new WizardInputException(problem);
            }

            return conversation.PlanFromArgumentsAsync(
                new SelectionArguments(registry, pattern, IncludeDeleted: include_deleted),
                arguments,
                RunSettings.Of(batch_size, delay_between_batches, create_backup, rollback_on_error, max_parallel, canary),
                cancellationToken);
        });
}
