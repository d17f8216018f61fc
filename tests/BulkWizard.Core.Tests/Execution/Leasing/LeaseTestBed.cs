using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Leasing;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Execution.Leasing;

/// <summary>
/// One Sandbox and two executors with data directories of their own, as two servers on two machines: their local
/// locks never meet, only the lease in the registry does.
/// </summary>
internal sealed class LeaseTestBed : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string _otherRoot = Path.Combine(Path.GetTempPath(), "bulkwizard-lease-" + Guid.NewGuid().ToString("N"));

    private LeaseTestBed(SandboxHarness harness, TimeProvider time, RegistryLeaseOptions options)
    {
        Harness = harness;
        Time = time;
        Options = options;
        var other = new DataDirectory(_otherRoot);
        First = new PlanExecutor(harness.Backups, harness.Data, time, FirstLog, options);
        Second = new PlanExecutor(new FileBackupStore(other), other, time, NullLogger<PlanExecutor>.Instance, options);
    }

    public SandboxHarness Harness { get; }

    public TimeProvider Time { get; }

    public RegistryLeaseOptions Options { get; }

    /// <summary>The first executor's log: its first error line is a lease lost (after the run was told to stop).</summary>
    public WatchingLogger<PlanExecutor> FirstLog { get; } = new(Microsoft.Extensions.Logging.LogLevel.Error);

    public PlanExecutor First { get; }

    public PlanExecutor Second { get; }

    public IRegistryGateway Gateway => Harness.Gateway;

    public static async Task<LeaseTestBed> StartAsync(TimeProvider? time = null, RegistryLeaseOptions? options = null) =>
        new(await SandboxHarness.StartAsync(), time ?? TimeProvider.System, options ?? new RegistryLeaseOptions { SettleDelay = TimeSpan.FromMilliseconds(50) });

    /// <summary>A compatibility plan over fresh subjects, each with one version.</summary>
    public async Task<OperationPlan> PlanAsync(params string[] subjects)
    {
        await Harness.RegisterEachAsync(subjects);
        return await Harness.CompatibilityPlanAsync(subjects, "FULL");
    }

    /// <summary>A run held before its second batch (one item per batch) until <see cref="HeldRun.Release"/>.</summary>
    public async Task<HeldRun> StartHeldAsync(PlanExecutor executor, OperationPlan plan)
    {
        var held = new HeldRun();
        var request = TestPlans.Request(TestPlans.RealRun(batchSize: 1)) with { BetweenBatches = held.WaitAsync };
        held.Run = executor.ExecuteAsync(plan, Gateway, request, CancellationToken.None);
        await held.Reached.Task.WaitAsync(Wait);
        return held;
    }

    public Task<ExecutionResult> RunAsync(PlanExecutor executor, OperationPlan plan, bool dryRun = false) =>
        executor.ExecuteAsync(plan, Gateway, TestPlans.Request(TestPlans.RealRun(), dryRun: dryRun), CancellationToken.None);

    public Task<LeaseHolder?> LeaseAsync() => RegistryLease.ReadAsync(Gateway, CancellationToken.None);

    /// <summary>A lease written by hand, as another server on another host would have written it.</summary>
    public Task WriteForeignLeaseAsync(DateTimeOffset acquired, DateTimeOffset expires) =>
        WriteLeaseAsync(new LeaseHolder(
            "f0f0f0f0", "build-agent-7", 4242, acquired.AddHours(-1), "plan_00000000000000aa", "task_other", "user (elicitation)", acquired, expires));

    public Task WriteLeaseAsync(LeaseHolder holder)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in holder.ToProperties())
        {
            properties[key] = value;
        }

        return Gateway.PutConfigAsync(RegistryLease.Scope, new RegistryConfig(new JsonObject { ["defaultMetadata"] = new JsonObject { ["properties"] = properties } }), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        if (Directory.Exists(_otherRoot))
        {
            Directory.Delete(_otherRoot, recursive: true);
        }
    }

    internal sealed class HeldRun
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waits;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ExecutionResult> Run { get; set; } = null!;

        public Task WaitAsync(CancellationToken token)
        {
            if (Interlocked.Increment(ref _waits) > 1)
            {
                return Task.CompletedTask;
            }

            Reached.TrySetResult();
            return _release.Task.WaitAsync(token);
        }

        public async Task<ExecutionResult> ReleaseAsync()
        {
            _release.TrySetResult();
            return await Run.WaitAsync(Wait);
        }
    }
}
