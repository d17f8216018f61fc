using System.ComponentModel;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Scheduling;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Confirming and reading plans. Execution without a form happens only here, in a tool the client shows as destructive.</summary>
[McpServerToolType]
public sealed class PlanTools(
    IPlanStore plans, PlanService planning, WizardConversation conversation, WizardReplies replies, BulkWizardOptions options, IRegistryGatewayProvider registries, TimeProvider clock)
{
    [McpServerTool(Name = "confirm_bulk_operation", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Runs a plan made by a wizard or planning tool, as a task; returns within wait_seconds with the task id, finished or not. dry_run (default true) re-reads every item and changes nothing. To really run it: dry_run false and confirmation 'accept' (non-destructive plans) or 'YES' (destructive plans, after a dry run of the same plan). With a client that shows forms, the person is asked instead and confirmation is ignored. start_at schedules the real run for a maintenance window: task status scheduled until then; at that time the plan is made again from its answers and runs only if it is this very plan (otherwise status plan_changed, naming the new plan to review).")]
    public Task<WizardReply> ConfirmBulkOperation(
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description(ToolText.PlanId)] string plan_id,
        [Description("The plan_hash returned with it: proves the plan is the one reviewed.")] string plan_hash,
        [Description("'accept' for a non-destructive plan, 'YES' for a destructive one. Ignored when the client shows forms.")] string? confirmation = null,
        [Description("true (default): check every item and change nothing. false: run for real.")] bool dry_run = true,
        [Description(ToolText.WaitSeconds)] int wait_seconds = ExecutionLauncher.DefaultWaitSeconds,
        [Description("Optional: run it later instead of now, at this UTC time in ISO 8601 (e.g. 2026-12-24T22:00:00Z), after now and at most 30 days ahead; dry_run must be false. The confirmation rules apply now; a scheduled run survives a restart, and one whose time passed while no server ran is reported missed, never run late.")] string? start_at = null,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            var startAt = ReadStartAt(start_at, dry_run);
            await using var progress = OrderedProgress.For(server, request);
            var plan = await FindAsync(plan_id, cancellationToken);
            if (!string.Equals(plan.Hash, plan_hash, StringComparison.Ordinal))
            {
                throw new McpException($"plan_hash: does not match plan {plan.Id}; plan again or pass the hash returned with this plan.");
            }

            if (!dry_run && ClientForms.Available(server))
            {
                return await conversation.ConfirmAsync(server, request, plan, wait_seconds, progress, cancellationToken, startAt);
            }

            if (!dry_run && plan.IsDestructive && options.Safety.RequireElicitationForDestructive)
            {
                throw new McpException("confirmation: this server runs destructive plans only after the person confirms in a form, and this client cannot show forms.");
            }

            var run = await planning.RunAsync(plan, new RunRequest(dry_run, confirmation, RunRequest.AssistantConfirmed, wait_seconds) { StartAt = startAt }, progress, cancellationToken);
            var task = run.Task ?? throw new McpException(run.Refusal!);
            return replies.TaskReply(plan, task, sessionId: null, dry_run);
        });

    [McpServerTool(Name = "get_bulk_plan", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Reads a plan page by page: every change with its before and after, the skipped subjects with reasons, the warnings and the estimate. The whole plan is also exported as JSON at exported_to.")]
    public Task<PlanPage> GetBulkPlan(
        [Description(ToolText.PlanId)] string plan_id,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Changes per page, 1 to 500 (default 50).")] int page_size = PlanSummary.PageSize,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            if (page < 1 || page_size is < 1 or > 500)
            {
                throw new McpException($"page: from 1, page_size: 1 to 500 (got page {page}, page_size {page_size}).");
            }

            return PlanPage.Of(await FindAsync(plan_id, cancellationToken), page, page_size, plans.PathOf(plan_id));
        });

    /// <summary>The checked start time, or null to run now; refused before anything is looked up or spent.</summary>
    private DateTimeOffset? ReadStartAt(string? text, bool dryRun)
    {
        if (text is null)
        {
            return null;
        }

        if (dryRun)
        {
            throw new McpException("start_at: only a real run is scheduled; give dry_run false with start_at, or leave start_at out for a dry run now.");
        }

        var (value, error) = StartAt.Parse(text, clock.GetUtcNow());
        return error is null ? value : throw new McpException(error);
    }

    private async Task<OperationPlan> FindAsync(string planId, CancellationToken cancellationToken) =>
        await plans.FindAsync(planId, cancellationToken) ?? throw new McpException($"plan_id: no plan '{planId}'; plans come from start_bulk_wizard, bulk_wizard_answer or bulk_schema_update.");
}
