using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Scheduling;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Scheduling;

/// <summary>
/// One server process's scheduler over a Sandbox registry and a data directory, on a clock the test moves. A second
/// process is another harness over the same registry, data directory and clock (<see cref="Restart"/>).
/// </summary>
internal sealed class SchedulerHarness : IDisposable
{
    private SchedulerHarness(SandboxHarness sandbox, SignalingClock clock)
    {
        Sandbox = sandbox;
        Clock = clock;
        Tasks = new TaskManager(clock, NullLogger<TaskManager>.Instance, new FinishedTasks(sandbox.Data));
        Plans = new FilePlanStore(sandbox.Data, NullLogger<FilePlanStore>.Instance);
        Replay = new PlanReplay([new SchemaUpdateOperation(new SelectionOptions(), clock)], sandbox.Registries);
        Schedules = new ScheduledRuns(sandbox.Data);
        Scheduler = new RunScheduler(Tasks, Schedules, Plans, Replay, new ExecutorRunner(sandbox), clock, NullLogger<RunScheduler>.Instance);
    }

    public SandboxHarness Sandbox { get; }

    public SignalingClock Clock { get; }

    public TaskManager Tasks { get; }

    public FilePlanStore Plans { get; }

    public PlanReplay Replay { get; }

    public ScheduledRuns Schedules { get; }

    public RunScheduler Scheduler { get; }

    public static SchedulerHarness Over(SandboxHarness sandbox) => new(sandbox, new SignalingClock());

    /// <summary>The next process: what it knows comes from the data directory.</summary>
    public SchedulerHarness Restart() => new(Sandbox, Clock);

    /// <summary>A compatibility plan for <paramref name="pattern"/>, made from wizard answers and saved, as a confirmation finds it.</summary>
    public async Task<OperationPlan> CompatibilityPlanAsync(string pattern, string level)
    {
        var answers = new JsonObject
        {
            ["operation_type"] = "schema_update",
            ["update_type"] = "compatibility",
            ["selection"] = "custom",
            ["pattern"] = pattern,
            ["compatibility"] = level,
        };
        var plan = await Replay.PlanAsync(SandboxHarness.RegistryName, answers, TestPlans.RealRun(), CancellationToken.None);
        await Plans.SaveAsync(plan, CancellationToken.None);
        return plan;
    }

    /// <summary>Waits (with a deadline) until the task has finished.</summary>
    public static Task FinishedAsync(BulkTask task) => task.Completion.WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose() => Tasks.Dispose();

    /// <summary>The executor run as the server's launcher runs it, over real HTTP to the Sandbox.</summary>
    private sealed class ExecutorRunner(SandboxHarness sandbox) : IPlanRunner
    {
        public Task<ExecutionResult> RunAsync(OperationPlan plan, BulkTask task, string confirmedBy, CancellationToken cancellationToken) =>
            sandbox.Executor().ExecuteAsync(plan, sandbox.Gateway, new ExecutionRequest(plan.Config, false, confirmedBy, task.Id), cancellationToken);
    }
}
