using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;

namespace BulkWizard.Core.Scheduling;

/// <summary>
/// Runs a confirmed plan as the body of a task: the same run, backup, journal and audit entry as a run started on
/// confirmation. The server's launcher is the one implementation.
/// </summary>
public interface IPlanRunner
{
    Task<ExecutionResult> RunAsync(OperationPlan plan, BulkTask task, string confirmedBy, CancellationToken cancellationToken);
}
