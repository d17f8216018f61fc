using BulkWizard.Core.Execution.Leasing;
using BulkWizard.Core.Inventory;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Sandbox.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Execution.Leasing;

/// <summary>The execution lease in the registry, between two executors with separate data directories, over real HTTP.</summary>
public sealed class RegistryLeaseTests
{
    [Fact]
    public async Task SecondServer_WhileFirstRuns_IsRefusedNamingTheHolder_AndSucceedsAfter()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var firstPlan = await bed.PlanAsync("orders-a", "orders-b");
        var secondPlan = await bed.PlanAsync("payments-a");
        var held = await bed.StartHeldAsync(bed.First, firstPlan);

        var lease = await bed.LeaseAsync();
        var refused = await bed.RunAsync(bed.Second, secondPlan);

        Assert.NotNull(lease);
        Assert.Equal(firstPlan.Id, lease.PlanId);
        Assert.Equal(BulkTaskStatus.Failed, refused.TaskStatus);
        Assert.Equal(
            $"Registry 'sandbox' is leased to another BulkWizard server: plan {firstPlan.Id} (task task_test), confirmed by assistant (tool call), " +
            $"on host '{Environment.MachineName}' (process {Environment.ProcessId}), since {LeaseHolder.Format(lease.AcquiredAt)}, until {LeaseHolder.Format(lease.ExpiresAt)}. " +
            "One execution per registry at a time; wait for it to finish (or for the lease to expire if that server stopped). Nothing was changed.",
            refused.Error);
        Assert.Equal(0, refused.Processed);
        Assert.Null(await bed.Harness.CompatibilityOfAsync("payments-a"));

        var first = await held.ReleaseAsync();
        var leaseAfterFirst = await bed.LeaseAsync();
        var second = await bed.RunAsync(bed.Second, secondPlan);

        Assert.Equal(BulkTaskStatus.Completed, first.TaskStatus);
        Assert.Empty(first.Notices);
        Assert.Null(leaseAfterFirst);
        Assert.Equal(BulkTaskStatus.Completed, second.TaskStatus);
        Assert.Equal("FULL", await bed.Harness.CompatibilityOfAsync("payments-a"));
        Assert.Null(await bed.LeaseAsync());
    }

    [Fact]
    public async Task LongRun_RenewsTheLeaseBeforeItExpires_SoAnotherServerStaysRefused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var options = new RegistryLeaseOptions { Duration = TimeSpan.FromSeconds(60), SettleDelay = TimeSpan.Zero };
        await using var bed = await LeaseTestBed.StartAsync(clock, options);
        var firstPlan = await bed.PlanAsync("orders-a", "orders-b");
        var secondPlan = await bed.PlanAsync("payments-a");
        var held = await bed.StartHeldAsync(bed.First, firstPlan);
        var taken = (await bed.LeaseAsync())!;

        // Past the first renewal (every 20 s), then past the expiry the lease had when it was taken.
        clock.Advance(TimeSpan.FromSeconds(21));
        var renewed = await PollAsync(bed, l => l.ExpiresAt > taken.ExpiresAt);
        clock.Advance(TimeSpan.FromSeconds(21));
        await PollAsync(bed, l => l.ExpiresAt > renewed.ExpiresAt);
        clock.Advance(TimeSpan.FromSeconds(21));
        var last = await PollAsync(bed, l => l.ExpiresAt > clock.GetUtcNow());
        var refused = await bed.RunAsync(bed.Second, secondPlan);
        var first = await held.ReleaseAsync();

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 1, 0, TimeSpan.Zero), taken.ExpiresAt);
        Assert.Equal(taken.Token, last.Token);
        Assert.Equal(taken.AcquiredAt, last.AcquiredAt);
        Assert.True(clock.GetUtcNow() > taken.ExpiresAt);
        Assert.Equal(BulkTaskStatus.Failed, refused.TaskStatus);
        Assert.Contains("is leased to another BulkWizard server", refused.Error, StringComparison.Ordinal);
        Assert.Equal(BulkTaskStatus.Completed, first.TaskStatus);
        Assert.Null(await bed.LeaseAsync());
    }

    [Fact]
    public async Task ExpiredForeignLease_IsTakenOver_AndReleasedAtTheEnd()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var plan = await bed.PlanAsync("orders-a");
        var now = DateTimeOffset.UtcNow;
        await bed.WriteForeignLeaseAsync(now.AddMinutes(-10), now.AddMinutes(-8));

        var result = await bed.RunAsync(bed.First, plan);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Empty(result.Notices);
        Assert.Equal("FULL", await bed.Harness.CompatibilityOfAsync("orders-a"));
        Assert.Null(await bed.LeaseAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UnexpiredLeaseNobodyHolds_OnThisHost_IsTakenOver(bool processGone)
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var plan = await bed.PlanAsync("orders-a");
        // A killed server of this host (its process id now names another process), or a run of this process whose
        // release the registry refused (e.g. after it set READONLY).
        var started = processGone ? DateTimeOffset.UnixEpoch : BulkWizard.Core.Execution.Locking.ProcessProbe.CurrentProcessStartTime;
        await bed.WriteLeaseAsync(new LeaseHolder(
            "abandoned", Environment.MachineName, Environment.ProcessId, started, "plan_00000000000000bb", null, "user", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5)));

        var result = await bed.RunAsync(bed.First, plan);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal("FULL", await bed.Harness.CompatibilityOfAsync("orders-a"));
        Assert.Null(await bed.LeaseAsync());
    }

    [Fact]
    public async Task LiveForeignLease_StopsTheRunBeforeAnyChange_AndIsLeftInPlace()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var plan = await bed.PlanAsync("orders-a");
        var acquired = new DateTimeOffset(2026, 12, 2, 7, 58, 0, TimeSpan.Zero);
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        await bed.WriteForeignLeaseAsync(acquired, expires);

        var result = await bed.RunAsync(bed.First, plan);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(
            "Registry 'sandbox' is leased to another BulkWizard server: plan plan_00000000000000aa (task task_other), confirmed by user (elicitation), " +
            $"on host 'build-agent-7' (process 4242), since 2026-12-02T07:58:00Z, until {LeaseHolder.Format(expires)}. " +
            "One execution per registry at a time; wait for it to finish (or for the lease to expire if that server stopped). Nothing was changed.",
            result.Error);
        Assert.Null(result.BackupId);
        Assert.Null(await bed.Harness.CompatibilityOfAsync("orders-a"));
        Assert.Equal("build-agent-7", (await bed.LeaseAsync())!.Host);
    }

    [Fact]
    public async Task DryRun_TakesNoLease_AndRunsBesideALiveOne()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var plan = await bed.PlanAsync("orders-a");
        await bed.WriteForeignLeaseAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        bed.Harness.Sandbox.Requests.Reset();

        var result = await bed.RunAsync(bed.First, plan, dryRun: true);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(1, result.WouldApply);
        Assert.Equal(new Dictionary<string, long> { ["GET /config/{subject}"] = 1 }, bed.Harness.Sandbox.Requests.Snapshot());
    }

    [Fact]
    public async Task GlobalReadOnlyMode_FallsBackToTheLocalLock_WithANotice()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var plan = await bed.PlanAsync("orders-a");
        await bed.Harness.SetModeAsync("orders-a", RegistryMode.ReadWrite);
        await bed.Gateway.SetModeAsync(RegistryScope.Global, RegistryMode.ReadOnly, force: false, CancellationToken.None);

        var result = await bed.RunAsync(bed.First, plan);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        var notice = Assert.Single(result.Notices);
        Assert.StartsWith(
            "Registry 'sandbox' cannot hold the execution lease: it refused the write of the config of _bulkwizard-execution-lease because it is in READONLY mode",
            notice, StringComparison.Ordinal);
        Assert.EndsWith("Only this server's local lock guards the run; make sure no other server executes on it meanwhile.", notice, StringComparison.Ordinal);
        Assert.Equal("FULL", await bed.Harness.CompatibilityOfAsync("orders-a"));
        Assert.Null(await bed.LeaseAsync());
    }

    [Fact]
    public async Task LeaseWriteRefused_FallsBackToTheLocalLock_WithANotice()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var plan = await bed.PlanAsync("orders-a");
        bed.Harness.Sandbox.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = ReservedSubjects.ExecutionLease, UntilDisarmed = true } });

        var result = await bed.RunAsync(bed.First, plan);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.StartsWith(
            "Registry 'sandbox' cannot hold the execution lease: the write of the config of _bulkwizard-execution-lease failed: ",
            Assert.Single(result.Notices), StringComparison.Ordinal);
        Assert.Equal("FULL", await bed.Harness.CompatibilityOfAsync("orders-a"));
    }

    [Fact]
    public async Task LeaseTakenOverWhileRunning_StopsTheRunAndRollsBack()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var options = new RegistryLeaseOptions { Duration = TimeSpan.FromSeconds(60), SettleDelay = TimeSpan.Zero };
        await using var bed = await LeaseTestBed.StartAsync(clock, options);
        var plan = await bed.PlanAsync("orders-a", "orders-b");
        var held = await bed.StartHeldAsync(bed.First, plan);
        await bed.WriteForeignLeaseAsync(clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(5));

        clock.Advance(TimeSpan.FromSeconds(21));
        var logged = await bed.FirstLog.Seen.WaitAsync(LeaseTestBed.Wait);
        var result = await held.ReleaseAsync();

        Assert.Contains("lost", logged, StringComparison.Ordinal);
        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Contains("the execution lease of registry 'sandbox' was taken over by another server (plan plan_00000000000000aa", result.Error, StringComparison.Ordinal);
        Assert.Null(await bed.Harness.CompatibilityOfAsync("orders-a"));
        Assert.Null(await bed.Harness.CompatibilityOfAsync("orders-b"));
        Assert.Equal("build-agent-7", (await bed.LeaseAsync())!.Host);
    }

    [Fact]
    public async Task TwoServersTakingTheLeaseAtOnce_ExactlyOneHoldsIt()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        var options = new RegistryLeaseOptions { SettleDelay = TimeSpan.FromMilliseconds(300) };

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => TryAcquireAsync(bed, options, $"plan_000000000000000{i}")));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal(winner!.Holder.Token, (await bed.LeaseAsync())!.Token);
    }

    [Fact]
    public async Task ReservedSubject_WithALease_IsNeverListedOrSelected()
    {
        await using var bed = await LeaseTestBed.StartAsync();
        await bed.Harness.RegisterEachAsync(["orders-a"]);
        await bed.WriteForeignLeaseAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));

        // As the registry does: a config on a subject without versions does not create the subject.
        var listed = await bed.Gateway.ListSubjectsAsync(new SubjectQuery(":*:", DeletedFilter.IncludeDeleted), CancellationToken.None);
        Assert.Equal([QualifiedSubject.Parse("orders-a")], listed);

        // Even a version registered under the name by hand is left out of every selection and count.
        await bed.Harness.RegisterEachAsync([ReservedSubjects.ExecutionLease]);
        var catalog = await SubjectCatalog.ReadAsync(bed.Gateway, includeDeleted: true, CancellationToken.None);
        var inventory = await new InventoryReader(bed.Gateway).ReadAsync(null, CancellationToken.None);

        Assert.Equal([QualifiedSubject.Parse("orders-a")], catalog.Subjects);
        Assert.Empty(catalog.Match(SubjectPattern.Parse("_bulkwizard*")));
        Assert.Equal(1, inventory.Subjects);
    }

    private static async Task<RegistryLease?> TryAcquireAsync(LeaseTestBed bed, RegistryLeaseOptions options, string planId)
    {
        try
        {
            var attempt = await RegistryLease.AcquireAsync(bed.Gateway, new LeaseRequest(planId, null, "user"), options, TimeProvider.System, CancellationToken.None);
            return attempt.Lease ?? throw new InvalidOperationException(attempt.Notice);
        }
        catch (RegistryLeaseHeldException)
        {
            return null;
        }
    }

    /// <summary>Polls the registry until its lease satisfies <paramref name="condition"/> (renewal runs in the background).</summary>
    private static async Task<LeaseHolder> PollAsync(LeaseTestBed bed, Func<LeaseHolder, bool> condition)
    {
        using var deadline = new CancellationTokenSource(LeaseTestBed.Wait);
        while (true)
        {
            if (await bed.LeaseAsync() is { } lease && condition(lease))
            {
                return lease;
            }

            await Task.Yield();
            deadline.Token.ThrowIfCancellationRequested();
        }
    }
}
