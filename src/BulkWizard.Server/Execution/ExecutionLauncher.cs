using BulkWizard.Core.Audit;
using BulkWizard.Core.Backups.Retention;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Scheduling;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol;

namespace BulkWizard.Server.Execution;

/// <summary>
/// Starts a confirmed plan as a detached task and waits a bounded time for it. The task gets the task
/// manager's own cancellation, never the tool call's: a client that times out a call neither aborts nor
/// rolls back the run. Progress notifications go to the confirming call only while it is open. A real run that completes
/// is handed to its operation (<see cref="IBulkOperation.CompletedAsync"/>), and every real run is written to the audit
/// log, before the task shows as finished; a run that sealed a backup then applies the backup retention policy.
/// </summary>
public sealed class ExecutionLauncher(
    TaskManager tasks, PlanExecutor executor, PlanApprovals approvals, IRegistryGatewayProvider registries, IHostApplicationLifetime lifetime,
    IEnumerable<IBulkOperation>? operations = null, AuditLog? audit = null, TimeProvider? time = null, BackupPruner? retention = null) : IPlanRunner
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    private readonly Dictionary<string, IBulkOperation> _operations =
        (operations ?? []).ToDictionary(o => o.OperationType, StringComparer.Ordinal);

    public const int DefaultWaitSeconds = 20;
    public const int MaxWaitSeconds = 50;

    /// <summary>Refuses, before a confirmation is spent or a task exists, a plan the executor would refuse (e.g. no backup with rollback on).</summary>
    public void EnsureRunnable(OperationPlan plan, bool dryRun, string confirmedBy)
    {
        if (PlanExecutor.Refusal(plan, registries.Get(plan.Registry), new ExecutionRequest(plan.Config, dryRun, confirmedBy) { Registries = registries }) is { } refusal)
        {
            throw new McpException(refusal);
        }
    }

    /// <summary>
    /// Starts the run. A dry run that ends <c>completed</c> is recorded for the plan's confirmation here, when the
    /// task ends and before it shows as finished, whoever waits for it: a client that polls can confirm as soon as it
    /// sees the status, and a dry run that failed or was cancelled never counts.
    /// </summary>
    public BulkTask Start(OperationPlan plan, bool dryRun, string confirmedBy)
    {
        EnsureRunnable(plan, dryRun, confirmedBy);
        return tasks.Start(plan.Id, plan.Registry, plan.OperationType, plan.Changes.Count, (task, token) => RunAsync(plan, task, dryRun, confirmedBy, token));
    }

    /// <summary>A scheduled run's body, at its time: the same run, backup, journal and audit entry as one started on confirmation.</summary>
    public Task<ExecutionResult> RunAsync(OperationPlan plan, BulkTask task, string confirmedBy, CancellationToken cancellationToken) =>
        RunAsync(plan, task, dryRun: false, confirmedBy, cancellationToken);

    private async Task<ExecutionResult> RunAsync(OperationPlan plan, BulkTask task, bool dryRun, string confirmedBy, CancellationToken token)
    {
        var request = new ExecutionRequest(plan.Config, dryRun, confirmedBy, task.Id, (processed, total, message) =>
        {
            task.Report(processed, total, message);
            plan.Config.ProgressCallback?.Invoke(processed, total, message);
        })
        {
            HostStopping = lifetime.ApplicationStopping,
            Registries = registries,
            BetweenBatches = task.WaitWhilePausedAsync,
        };
        var result = await executor.ExecuteAsync(plan, registries.Get(plan.Registry), request, token);
        if (dryRun && result.TaskStatus == BulkTaskStatus.Completed)
        {
            approvals.RecordDryRun(plan);
        }

        if (!dryRun && result.TaskStatus == BulkTaskStatus.Completed && _operations.TryGetValue(plan.OperationType, out var operation))
        {
            result = await operation.CompletedAsync(plan, result, CancellationToken.None);
        }

        if (!dryRun && audit is not null)
        {
            await audit.AppendAsync(plan, result, task.Id, clock.GetUtcNow(), CancellationToken.None);
        }

        if (result.BackupId is { } sealedBackup && retention is not null)
        {
            await retention.PruneOrLogAsync($"after backup {sealedBackup}", sealedBackup, CancellationToken.None);
        }

        return result;
    }

    /// <summary>Waits until the task finishes, <paramref name="waitSeconds"/> pass, or the call is cancelled; the task goes on in every case.</summary>
    public static async Task WaitAsync(BulkTask task, int waitSeconds, IProgress<ProgressNotificationValue>? progress, CancellationToken callToken)
    {
        var lastReported = -1;
        var gate = new Lock();
        void Forward(BulkTask changed)
        {
            lock (gate)
            {
                // Notifications must strictly increase; equal counts (message-only updates) are not sent.
                if (changed.Processed <= lastReported)
                {
                    return;
                }

                lastReported = changed.Processed;
                progress!.Report(new ProgressNotificationValue { Progress = changed.Processed, Total = changed.TotalItems, Message = changed.Message });
            }
        }

        if (progress is not null)
        {
            task.Changed += Forward;
            Forward(task);
        }

        try
        {
            await task.Completion.WaitAsync(TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0, MaxWaitSeconds)), callToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Still running: the caller reports the task id and the client polls get_task_status.
        }
        finally
        {
            if (progress is not null)
            {
                task.Changed -= Forward;
            }
        }
    }
}
