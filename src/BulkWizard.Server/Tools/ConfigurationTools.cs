using System.ComponentModel;
using BulkWizard.Core.Configuration;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol.Server;
using Configure = BulkWizard.Core.Configuration.ConfigurationArguments.Descriptions;
using Run = BulkWizard.Core.Operations.RunSettings.Descriptions;
using Selection = BulkWizard.Core.Operations.SelectionArguments.Descriptions;

namespace BulkWizard.Server.Tools;

/// <summary>The configuration's planning tool: its flat parameters are <see cref="ConfigurationArguments"/>, the selection and the run settings.</summary>
[McpServerToolType]
public sealed class ConfigurationTools(WizardConversation conversation, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "bulk_configuration_update", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Plans a bulk configuration from arguments alone: mode settings (READWRITE, READONLY, IMPORT, inherit) or security policies (data-contract " +
        "metadata and rule sets as config defaults or overrides), retention policies (stored for check_retention, enforced now on request) or compliance " +
        "fixes (the organization's rules) on subjects, one context, the default context or all contexts. Returns the plan id, hash and " +
        "a short preview; changes nothing. Run it with confirm_bulk_operation (a plan that leaves a scope READONLY or IMPORT needs a dry run, then YES). " +
        "Access control (RBAC, ACLs) is not part of the registry's REST API and is not set here.")]
    public Task<WizardReply> BulkConfigurationUpdate(
        [Description(Configure.ConfigurationType)] string configuration_type,
        [Description(Configure.Scope)] string? scope = null,
        [Description(Configure.Pattern)] string? pattern = null,
        [Description(Configure.Context)] string? context = null,
        [Description(Selection.Registry)] string? registry = null,
        [Description(Selection.IncludeDeleted)] bool include_deleted = false,
        [Description(Configure.Mode)] string? mode = null,
        [Description(Configure.Force)] bool? force = null,
        [Description(Configure.MetadataTarget)] string? metadata_target = null,
        [Description(Configure.Tags)] string? tags = null,
        [Description(Configure.Properties)] string? properties = null,
        [Description(Configure.Sensitive)] string? sensitive = null,
        [Description(Configure.RuleSet)] string? rule_set = null,
        [Description(Configure.KeepLast)] int? keep_last = null,
        [Description(Configure.OlderThanDays)] int? older_than_days = null,
        [Description(Configure.EnforceNow)] bool? enforce_now = null,
        [Description(Configure.PolicyInMetadata)] bool? policy_in_metadata = null,
        [Description(Configure.Fix)] string? fix = null,
        [Description(Configure.ProducersAction)] string? producers_action = null,
        [Description(Configure.UnknownImpact)] string? unknown_impact = null,
        [Description(Run.BatchSize)] int batch_size = 50,
        [Description(Run.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(Run.CreateBackup)] bool create_backup = true,
        [Description(Run.RollbackOnError)] bool rollback_on_error = true,
        [Description(Run.MaxParallel)] int max_parallel = 4,
        [Description(Run.Canary)] bool canary = true,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, () =>
        {
            var security = configuration_type == "security";
            var retention = configuration_type == "retention";
            var compliance = configuration_type == "compliance";
            var arguments = new ConfigurationArguments
            {
                ConfigurationType = configuration_type,
                Scope = scope ?? (pattern is not null ? "subjects" : null),
                Context = context,
                Mode = mode,
                Force = force,
                MetadataTarget = metadata_target ?? (security ? "default" : null),
                Tags = tags,
                Properties = properties,
                Sensitive = sensitive,
                RuleSet = rule_set,
                KeepLast = keep_last,
                OlderThanDays = older_than_days,
                EnforceNow = enforce_now ?? (retention ? false : null),
                PolicyInMetadata = policy_in_metadata,
                Fix = fix ?? (compliance ? "all" : null),
                ProducersAction = producers_action,
                UnknownImpact = unknown_impact,
            };
            if ((arguments.Validate() ?? arguments.PatternProblem(pattern)) is { } problem)
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
