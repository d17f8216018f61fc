using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Scheduling;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Wizard;
using ModelContextProtocol;

namespace BulkWizard.Server.Execution;

/// <summary>
/// The one place plans are made and run, whichever tool or driver asks. Making: the session's operation plans its
/// answers, and the plan is sealed (<see cref="PlanIdentity"/>) and saved, so a confirmation can name it by id and
/// hash. Running: ensure runnable (what the executor would refuse) → approve (fresh, not used, confirmed as its kind
/// needs, a destructive plan only after its dry run) → consume the confirmation (real runs) → start the task → wait a
/// bounded time. Used by the wizard conversation, <c>confirm_bulk_operation</c> and <c>restore_backup</c>.
/// </summary>
public sealed class PlanService(
    IRegistryGatewayProvider registries, IEnumerable<IBulkOperation> operations, IPlanStore plans, PlanApprovals approvals, ExecutionLauncher launcher,
    RunScheduler? scheduler = null, PlanReplay? replay = null)
{
    public IReadOnlyList<IBulkOperation> Operations { get; } = [.. operations];

    /// <summary>The registered operation of this type; null when the type is unknown or not built yet.</summary>
    public IBulkOperation? Find(string? operationType) => Operations.FirstOrDefault(o => o.OperationType == operationType);

    /// <summary>Plans the session's answers with the chosen operation, then seals and saves the plan; the session is marked planned.</summary>
    public async Task<OperationPlan> PlanAsync(WizardSession session, CancellationToken cancellationToken)
    {
        var wizard = (OperationWizard)session.Definition;
        var operation = Find(session.Answers.GetString(OperationTypes.Key)) ?? throw new WizardInputException("operation_type: not answered.");
        var plan = await operation.PlanAsync(session, wizard.Chosen(session.Answers)!, registries.Get(session.Registry), cancellationToken);
        var saved = await SaveAsync(plan, cancellationToken);
        session.PlanId = saved.Id;
        session.Status = WizardStatus.Planned;
        return saved;
    }

    /// <summary>Seals and saves a plan made outside a wizard session (a restore) or changed by a review step.</summary>
    public async Task<OperationPlan> SaveAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        var sealedPlan = PlanIdentity.Seal(plan);
        await plans.SaveAsync(sealedPlan, cancellationToken);
        return sealedPlan;
    }

    /// <summary>
    /// Ensure runnable → approve → consume → start → wait. A refusal (expired, used, not confirmed, destructive
    /// without its dry run, run already taken by another call) comes back as <see cref="PlanRun.Refusal"/>; a plan
    /// the executor would refuse throws <see cref="McpException"/>, before any confirmation is spent.
    /// </summary>
    public async Task<PlanRun> RunAsync(OperationPlan plan, RunRequest request, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        // What the executor would refuse whatever the confirmation (a read-only registry, say) is said first: it is the
        // reason that stands, and no dry run or typed YES would get past it.
        launcher.EnsureRunnable(plan, request.DryRun, request.ConfirmedBy);
        if (request.StartAt is not null)
        {
            EnsureSchedulable(plan, request.DryRun);
        }

        if (approvals.Refusal(plan, request.Confirmation, request.DryRun) is { } refusal)
        {
            return PlanRun.Refused(refusal);
        }
        if (!request.DryRun && !approvals.TryConsume(plan))
        {
            return PlanRun.Refused($"plan_id: plan {plan.Id} has already been executed; a confirmation is used once.");
        }

        if (request.StartAt is { } startAt)
        {
            // Confirmed now, run later: the plan's lifetime is not checked again at its time, the re-plan is.
            return new PlanRun(await scheduler!.ScheduleAsync(plan, startAt, request.ConfirmedBy, cancellationToken), null);
        }

        var task = launcher.Start(plan, request.DryRun, request.ConfirmedBy);
        await ExecutionLauncher.WaitAsync(task, request.WaitSeconds, progress, cancellationToken);
        return new PlanRun(task, null);
    }

    /// <summary>What no confirmation gets past for a scheduled run: a dry run (it runs now), or a plan its answers cannot make again.</summary>
    private void EnsureSchedulable(OperationPlan plan, bool dryRun)
    {
        if (scheduler is null || replay is null)
        {
            throw new McpException("start_at: this server does not schedule runs; leave start_at out to run now.");
        }

        if (dryRun)
        {
            throw new McpException("start_at: only a real run is scheduled; give dry_run false with start_at, or leave start_at out for a dry run now.");
        }

        if (replay.NotReplayable(plan) is { } reason)
        {
            throw new McpException($"start_at: {reason} Leave start_at out to run it now.");
        }
    }

    /// <summary>
    /// The dry run a destructive plan needs before a form asks for its typed YES, waited for to its end. It counts for
    /// the confirmation once it completes (<see cref="ExecutionLauncher.Start"/> records it); failed or cancelled, it does not.
    /// </summary>
    public async Task<BulkTask> DryRunToEndAsync(OperationPlan plan, string confirmedBy, CancellationToken cancellationToken)
    {
        var task = launcher.Start(plan, dryRun: true, confirmedBy);
        await task.Completion.WaitAsync(cancellationToken);
        return task;
    }
}
