using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Templates;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Run = BulkWizard.Core.Operations.RunSettings.Descriptions;
using Selection = BulkWizard.Core.Operations.SelectionArguments.Descriptions;
using Update = BulkWizard.Core.SchemaUpdate.SchemaUpdateArguments.Descriptions;

namespace BulkWizard.Server.Tools;

/// <summary>
/// The wizard of every operation: start it (asking through forms where the client can show them) or answer it.
/// Each operation's planning tool, which asks nothing, is in its own tool class (e.g. <see cref="SchemaUpdateTools"/>).
/// </summary>
[McpServerToolType]
public sealed class WizardTools(WizardConversation conversation, IRegistryGatewayProvider registries, FileTemplateStore templates)
{
    private const string AnswersText =
        "The chosen operation's own answers given up front, by the parameter names of its planning tool (bulk_schema_update for schema_update, bulk_schema_migration for migration, bulk_schema_cleanup for cleanup, bulk_configuration_update for configuration), " +
        "e.g. {\"update_type\": \"naming\", \"convention\": \"kebab_case\"}, {\"cleanup_type\": \"old_versions\", \"keep_last\": 3} or {\"configuration_type\": \"mode\", \"scope\": \"context\", \"context\": \".staging\", \"mode\": \"READONLY\"}. The schema update's may also be given as the parameters above.";

    [McpServerTool(Name = "start_bulk_wizard", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Starts the Bulk Operations Wizard. With a client that shows forms, it asks each question, previews the plan and asks for confirmation, then runs it as a task (returning within wait_seconds with the task id). Without forms it returns status needs_input with the pending question (continue with bulk_wizard_answer), then the plan to confirm with confirm_bulk_operation. Arguments given here pre-fill answers; only what is missing is asked.")]
    public Task<WizardReply> StartBulkWizard(
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description("schema_update, migration, cleanup or configuration; asked when omitted.")] string? operation_type = null,
        [Description(Selection.Registry)] string? registry = null,
        [Description("Resume an existing wizard session instead of starting one.")] string? session_id = null,
        [Description("Start from an operation template (list_templates): its operation type and answers pre-filled; the arguments given here win over them. Still previewed and confirmed like any wizard.")] string? template = null,
        [Description(Selection.Pattern)] string? pattern = null,
        [Description(Selection.Subjects)] string[]? subjects = null,
        [Description(Selection.IncludeDeleted)] bool? include_deleted = null,
        [Description(Update.UpdateType)] string? update_type = null,
        [Description(Update.Compatibility)] string? compatibility = null,
        [Description(Update.Convention)] string? convention = null,
        [Description(Update.MetadataTarget)] string? metadata_target = null,
        [Description(Update.MetadataAction)] string? metadata_action = null,
        [Description(Update.MetadataKey)] string? metadata_key = null,
        [Description(Update.MetadataValue)] string? metadata_value = null,
        [Description(AnswersText)] JsonElement? answers = null,
        [Description("true: stop after a dry run that checks every item and changes nothing.")] bool? dry_run = null,
        [Description(Run.BatchSize)] int batch_size = 50,
        [Description(Run.DelayBetweenBatches)] double delay_between_batches = 0,
        [Description(Run.CreateBackup)] bool create_backup = true,
        [Description(Run.RollbackOnError)] bool rollback_on_error = true,
        [Description(Run.MaxParallel)] int max_parallel = 4,
        [Description(Run.Canary)] bool canary = true,
        [Description(ToolText.WaitSeconds)] int wait_seconds = 20,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var opening = session_id is null && request.Params?.RequestState is null;
            var session = !opening
                ? session_id is not null ? conversation.Resume(session_id) : null
                : conversation.Open(await FromTemplateAsync(template, new WizardStart
                    {
                        OperationType = operation_type,
                        Selection = new SelectionArguments(registry, pattern, subjects, include_deleted),

                        // The schema update's answers are also flat parameters, from before answers existed.
                        Answers = StartAnswers.Merge(
                            answers,
                            ("update_type", update_type),
                            ("compatibility", compatibility),
                            ("convention", convention),
                            ("metadata_target", metadata_target),
                            ("metadata_action", metadata_action),
                            ("metadata_key", metadata_key),
                            ("metadata_value", metadata_value)),
                        Run = RunSettings.Of(batch_size, delay_between_batches, create_backup, rollback_on_error, max_parallel, canary),
                        DryRunOnly = dry_run == true,
                        WaitSeconds = wait_seconds,
                    }, cancellationToken));
            await using var progress = OrderedProgress.For(server, request);
            return ClientForms.Available(server)
                ? await conversation.ConverseAsync(server, request, session ?? conversation.Resume(SessionOf(request)), progress, cancellationToken)
                : await conversation.AdvanceAsync(session ?? conversation.Resume(SessionOf(request)), [], progress, cancellationToken);
        });

    [McpServerTool(Name = "bulk_wizard_answer", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
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

    private async Task<WizardStart> FromTemplateAsync(string? name, WizardStart start, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return start;
        }

        try
        {
            var template = await templates.FindAsync(name, cancellationToken)
                ?? throw new Core.Wizard.WizardInputException($"template: no template '{name}'; list_templates shows them.");
            return TemplateStart.Apply(start, template);
        }
        catch (TemplateException e)
        {
            throw new Core.Wizard.WizardInputException(e.Message.Replace("name: ", "template: ", StringComparison.Ordinal));
        }
    }

    private string SessionOf(RequestContext<CallToolRequestParams> request) =>
        conversation.SessionIdFrom(request.Params?.RequestState)
        ?? throw new Core.Wizard.WizardInputException("requestState: not a state this server issued (it may have restarted); start a new wizard.");
}
