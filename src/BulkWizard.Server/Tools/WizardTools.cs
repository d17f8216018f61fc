using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>The wizard: start it (asking through forms where the client can show them), answer it, or plan directly.</summary>
[McpServerToolType]
public sealed class WizardTools(WizardConversation conversation, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "start_bulk_wizard", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Starts the Bulk Operations Wizard. With a client that shows forms, it asks each question, previews the plan and asks for confirmation, then runs it as a task (returning within wait_seconds with the task id). Without forms it returns status needs_input with the pending question (continue with bulk_wizard_answer), then the plan to confirm with confirm_bulk_operation. Arguments given here pre-fill answers; only what is missing is asked.")]
    public Task<WizardReply> StartBulkWizard(
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description("schema_update, migration, cleanup or configuration; asked when omitted. Only schema_update is available in this version.")] string? operation_type = null,
        [Description(ToolText.Registry)] string? registry = null,
        [Description("Resume an existing wizard session instead of starting one.")] string? session_id = null,
        [Description(ToolText.Pattern)] string? pattern = null,
        [Description("Individual subjects to select, instead of a pattern.")] string[]? subjects = null,
        [Description(ToolText.IncludeDeleted)] bool? include_deleted = null,
        [Description(ToolText.UpdateType)] string? update_type = null,
        [Description(ToolText.Compatibility)] string? compatibility = null,
        [Description(ToolText.Convention)] string? convention = null,
        [Description(ToolText.MetadataTarget)] string? metadata_target = null,
        [Description(ToolText.MetadataAction)] string? metadata_action = null,
        [Description(ToolText.MetadataKey)] string? metadata_key = null,
        [Description(ToolText.MetadataValue)] string? metadata_value = null,
        [Description("true: stop after a dry run that checks every item and changes nothing.")] bool? dry_run = null,
        [Description(ToolText.BatchSize)] int batch_size = 50,
        [Description(ToolText.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(ToolText.CreateBackup)] bool create_backup = true,
        [Description(ToolText.RollbackOnError)] bool rollback_on_error = true,
        [Description(ToolText.MaxParallel)] int max_parallel = 4,
        [Description(ToolText.Canary)] bool canary = true,
        [Description(ToolText.WaitSeconds)] int wait_seconds = 20,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var session = session_id is not null
                ? conversation.Resume(session_id)
                : request.Params?.RequestState is null
                    ? conversation.Open(registry, Arguments(pattern, subjects, include_deleted, operation_type, update_type, dry_run, wait_seconds, batch_size, delay_between_batches, create_backup, rollback_on_error, max_parallel, canary)
                        with { SchemaUpdate = new(compatibility, convention, metadata_target, metadata_action, metadata_key, metadata_value) })
                    : null;
            await using var progress = OrderedProgress.For(server, request);
            return ClientForms.Available(server)
                ? await conversation.ConverseAsync(server, request, session ?? conversation.Resume(SessionOf(request)), progress, cancellationToken)
                : await conversation.AdvanceAsync(session ?? conversation.Resume(SessionOf(request)), [], progress, cancellationToken);
        });

    [McpServerTool(Name = "bulk_wizard_answer", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Continues a wizard without forms: answers its pending question (answers: {field: value}, as listed in the question), goes back one question (action back) or ends it (action cancel). Returns the next question (needs_input) or the plan to confirm with confirm_bulk_operation. Never changes the registry.")]
    public Task<WizardReply> BulkWizardAnswer(
        [Description("The session_id a wizard tool returned.")] string session_id,
        [Description("The answers by field name, e.g. {\"compatibility\": \"FULL\"}.")] JsonElement? answers = null,
        [Description("answer (default), back or cancel.")] string action = "answer",
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            var session = conversation.Resume(session_id);
            var values = answers is { ValueKind: JsonValueKind.Object } given ? JsonNode.Parse(given.GetRawText())!.AsObject() : [];
            return await conversation.AnswerAsync(session, action, values, cancellationToken);
        });

    [McpServerTool(Name = "bulk_schema_update", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Plans a bulk schema update from arguments alone, without questions: returns the plan id, hash and a short preview. Changes nothing; run the plan with confirm_bulk_operation.")]
    public Task<WizardReply> BulkSchemaUpdate(
        [Description(ToolText.Pattern)] string pattern,
        [Description(ToolText.UpdateType)] string update_type = "compatibility",
        [Description(ToolText.Compatibility)] string? compatibility = null,
        [Description(ToolText.Convention)] string? convention = null,
        [Description(ToolText.MetadataTarget)] string? metadata_target = null,
        [Description(ToolText.MetadataAction)] string? metadata_action = null,
        [Description(ToolText.MetadataKey)] string? metadata_key = null,
        [Description(ToolText.MetadataValue)] string? metadata_value = null,
        [Description(ToolText.Registry)] string? registry = null,
        [Description(ToolText.IncludeDeleted)] bool include_deleted = false,
        [Description(ToolText.BatchSize)] int batch_size = 50,
        [Description(ToolText.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(ToolText.CreateBackup)] bool create_backup = true,
        [Description(ToolText.RollbackOnError)] bool rollback_on_error = true,
        [Description(ToolText.MaxParallel)] int max_parallel = 4,
        [Description(ToolText.Canary)] bool canary = true,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var arguments = Arguments(pattern, null, include_deleted, "schema_update", update_type, null, 0, batch_size, delay_between_batches, create_backup, rollback_on_error, max_parallel, canary)
                with { SchemaUpdate = new(compatibility, convention, metadata_target, metadata_action, metadata_key, metadata_value) };
            var reply = await conversation.AdvanceAsync(conversation.Open(registry, arguments), [], progress: null, cancellationToken);
            return reply.Status == "needs_input"
                ? throw new Core.Wizard.WizardInputException($"{reply.Question!.Fields[0].Name}: missing for update_type '{update_type}'; give {reply.Question.Fields[0].Expects}.")
                : reply;
        });

    private static WizardStartArguments Arguments(
        string? pattern, string[]? subjects, bool? includeDeleted, string? operationType, string? updateType, bool? dryRun, int waitSeconds,
        int batchSize, double delay, bool createBackup, bool rollbackOnError, int maxParallel, bool canary) => new()
        {
            OperationType = operationType,
            Pattern = pattern,
            Subjects = subjects,
            IncludeDeleted = includeDeleted,
            UpdateType = updateType,
            DryRun = dryRun,
            WaitSeconds = waitSeconds,
            Config = new BulkOperationConfig
            {
                BatchSize = batchSize,
                DelayBetweenBatches = delay,
                CreateBackup = createBackup,
                RollbackOnError = rollbackOnError,
                MaxParallel = maxParallel,
                Canary = canary,
            },
        };

    private string SessionOf(RequestContext<CallToolRequestParams> request) =>
        conversation.SessionIdFrom(request.Params?.RequestState)
        ?? throw new Core.Wizard.WizardInputException("requestState: not a state this server issued (it may have restarted); start a new wizard.");
}
