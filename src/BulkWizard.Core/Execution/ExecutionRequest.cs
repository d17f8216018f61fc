using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Execution;

/// <summary>How one confirmed plan is to run.</summary>
/// <param name="Config">Batches, delay, parallelism, canary, backup, rollback and error threshold.</param>
/// <param name="DryRun">Only re-read every target and say what would happen; nothing is written, locked or backed up.</param>
/// <param name="ConfirmedBy">Who confirmed, e.g. <c>user (elicitation)</c> or <c>assistant (tool call)</c>; required for a real run.</param>
/// <param name="TaskId">The task the run belongs to, written in the journal.</param>
/// <param name="Progress">
/// (processed, total, message) after every item and undo step: processed strictly increases and ends equal to
/// total, which is the number of changes plus, once a rollback starts, its undo steps. Called one at a time. A note on
/// the run's pace (<c>slowing down: registry asked to wait 2 s (429)</c>, <c>speeding up: …</c>) repeats the count
/// with its own message.
/// The caller forwards it (task status, MCP progress, the config's <see cref="BulkOperationConfig.ProgressCallback"/>);
/// the executor calls nothing else.
/// </param>
public sealed record ExecutionRequest(
    BulkOperationConfig Config,
    bool DryRun,
    string ConfirmedBy,
    string? TaskId = null,
    Action<int, int, string>? Progress = null)
{
    /// <summary>
    /// Host shutdown (e.g. <c>IHostApplicationLifetime.ApplicationStopping</c>). The run's own token stops it
    /// for <c>cancel_task</c> too; when this one is cancelled as well, the stop is an interruption: in-flight items
    /// finish, no rollback is started (a running one stops between steps), modes a stopped change switched are put
    /// back, and the journal ends with <c>interrupted</c> so the applied changes can be undone after a restart.
    /// </summary>
    public CancellationToken HostStopping { get; init; }

    /// <summary>
    /// The gateways of the other registries a plan's changes name (<see cref="Plans.PlannedChange.Registry"/>); a plan
    /// that writes to a registry this does not know is refused before anything is read.
    /// </summary>
    public IRegistryGatewayProvider? Registries { get; init; }

    /// <summary>
    /// Awaited before each batch after the first, with the run's stop token: a paused task waits here (items in flight
    /// have finished, nothing new has started) until it is resumed or stopped. Null: never waits.
    /// </summary>
    public Func<CancellationToken, Task>? BetweenBatches { get; init; }
}
