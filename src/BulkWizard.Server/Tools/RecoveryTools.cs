using System.ComponentModel;
using BulkWizard.Core.Recovery;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Registry;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Runs a server process did not finish (killed, crashed): list them, and roll one back or resume it; and the undo of a finished run.</summary>
[McpServerToolType]
public sealed class RecoveryTools(
    InterruptedRuns runs, RecoveryPlanner recovery, RunUndoPlanner undo, TaskManager tasks, IRegistryGatewayProvider registries,
    PlanService planning, WizardConversation conversation, WizardReplies replies)
{
    [McpServerTool(Name = "list_interrupted_operations", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Operations a server process started and did not finish (it was killed or crashed): operation_id (the run's journal id), plan, registry, " +
        "counts applied / in doubt / not run, and the scopes it may have left in a transient mode (a subject left in IMPORT blocks its producers). " +
        "recover_operation rolls one back or resumes it.")]
    public async Task<InterruptedOperationList> ListInterruptedOperations(CancellationToken cancellationToken = default) =>
        new(await runs.FindAsync(cancellationToken));

    [McpServerTool(Name = "recover_operation", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Plans the recovery of an interrupted operation, confirmed like any destructive plan (dry run, then YES; with forms the person sees the preview). " +
        "rollback: restore its backup, so every subject it wrote is back as before, modes included, and what it registered is removed. " +
        "resume: the changes it had not applied; one interrupted part-way is put back from the backup and left for a new plan. " +
        "When the recovery completes, the operation is no longer listed.")]
    public Task<WizardReply> RecoverOperation(
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description("The operation_id from list_interrupted_operations.")] string operation_id,
        [Description("rollback or resume.")] string action,
        [Description(ToolText.WaitSeconds)] int wait_seconds = ExecutionLauncher.DefaultWaitSeconds,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            await using var progress = OrderedProgress.For(server, request);
            if (conversation.SessionIdFrom(request.Params?.RequestState) is not null)
            {
                // A retried call of the confirmation rounds: the plan is in the session already.
                return await conversation.ConfirmAsync(server, request, plan: null, wait_seconds, progress, cancellationToken);
            }

            return await ConfirmOrReplyAsync(server, request, await recovery.PlanAsync(operation_id, action, cancellationToken), wait_seconds, progress, cancellationToken);
        });

    [McpServerTool(Name = "undo_task", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Plans the undo of a finished run from its own journal: each change it applied is reversed, only where the target is still as the run " +
        "left it (a target changed since is left alone and reported as a conflict), in the order a rollback takes. Confirmed like any destructive plan " +
        "(dry run, then YES); the undo is backed up too. restore_backup instead puts the run's backup back over whatever is there now.")]
    public Task<WizardReply> UndoTask(
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description("The task_id of a finished run (list_tasks).")] string task_id,
        [Description(ToolText.WaitSeconds)] int wait_seconds = ExecutionLauncher.DefaultWaitSeconds,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            await using var progress = OrderedProgress.For(server, request);
            if (conversation.SessionIdFrom(request.Params?.RequestState) is not null)
            {
                return await conversation.ConfirmAsync(server, request, plan: null, wait_seconds, progress, cancellationToken);
            }

            return await ConfirmOrReplyAsync(server, request, await undo.PlanAsync(tasks.Find(task_id), task_id, cancellationToken), wait_seconds, progress, cancellationToken);
        });

    /// <summary>Saves the plan; with forms the person confirms it now, without the reply says how.</summary>
    private async Task<WizardReply> ConfirmOrReplyAsync(
        McpServer server, RequestContext<CallToolRequestParams> request, Core.Plans.OperationPlan planned, int waitSeconds,
        IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var plan = await planning.SaveAsync(planned, cancellationToken);
        return ClientForms.Available(server)
            ? await conversation.ConfirmAsync(server, request, plan, waitSeconds, progress, cancellationToken)
            : replies.PlannedReply(plan);
    }
}
