using BulkWizard.Core.Plans;
using BulkWizard.Core.Scheduling;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Tools.Results;

namespace BulkWizard.Server.Wizard;

/// <summary>The replies of the wizard and confirmation tools, with what to call next in words.</summary>
public sealed class WizardReplies(IPlanStore plans)
{
    /// <summary>The reply once a plan runs: the task as it is now, and what to do next.</summary>
    public WizardReply TaskReply(OperationPlan plan, BulkTask task, string? sessionId, bool dryRun) => new()
    {
        Status = TaskSnapshot.From(task).Status,
        Registry = plan.Registry,
        SessionId = sessionId,
        Message = task.IsFinished ? task.Message
            : task.Status == BulkTaskStatus.Scheduled
                ? $"Task {task.Id} is scheduled to start at {StartAt.Format(task.StartAt!.Value)}; then the plan's answers are planned again and it runs only if that gives this very plan. Follow it with get_task_status, or cancel it with cancel_task."
                : $"Task {task.Id} is running; follow it with get_task_status or stop it with cancel_task.",
        Plan = PlanSummary.From(plan, plans.PathOf(plan.Id)),
        Task = TaskSnapshot.From(task),
        Next = dryRun ? ConfirmNext(plan) : null,
    };

    /// <summary>A plan ready to confirm with <c>confirm_bulk_operation</c>.</summary>
    public WizardReply PlannedReply(OperationPlan plan) => new()
    {
        Status = "planned",
        Registry = plan.Registry,
        Message = PlanPreview.Headline(plan),
        Plan = PlanSummary.From(plan, plans.PathOf(plan.Id)),
        Next = ConfirmNext(plan),
    };

    private static string ConfirmNext(OperationPlan plan) => plan.IsDestructive
        ? $"Destructive: confirm_bulk_operation(plan_id: \"{plan.Id}\", plan_hash: \"{plan.Hash}\", dry_run: true) first, then the same with dry_run: false and confirmation: \"YES\" once the person has reviewed it."
        : $"To run it: confirm_bulk_operation(plan_id: \"{plan.Id}\", plan_hash: \"{plan.Hash}\", confirmation: \"accept\", dry_run: false); dry_run: true checks every item and changes nothing.";

    public static WizardReply NeedsInput(WizardSession session, Question question, IReadOnlyList<string> errors, string next) => new()
    {
        Status = "needs_input",
        Registry = session.Registry,
        SessionId = session.Id,
        Question = PendingQuestion.From(question),
        Errors = errors.Count == 0 ? null : errors,
        Next = next,
    };

    public static WizardReply Finished(WizardSession session, string status, string message) =>
        new() { Status = status, Registry = session.Registry, SessionId = session.Id, Message = message };
}
