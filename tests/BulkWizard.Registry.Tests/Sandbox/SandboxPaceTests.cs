using System.Collections.Concurrent;
using System.Diagnostics;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;
using BulkWizard.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary>
/// The registry's pace over real HTTP against the Sandbox, with a fake clock in the container: MaxWritesPerMinute lets
/// the next write go only when the clock moves on (the Sandbox's own count shows what arrived), and writes the Sandbox
/// turns away with 429 are all applied once the hold is over, each once.
/// </summary>
public sealed class SandboxPaceTests : IAsyncLifetime
{
    private const string Registrations = "POST /subjects/{subject}/versions";
    private SandboxRegistry _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task MaxWritesPerMinute_Two_TheNextWriteGoesOnlyWhenTheClockMovesHalfAMinute()
    {
        var time = new FakeTimeProvider();
        await using var services = Services(time, r => r.MaxWritesPerMinute = 2);
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get("lab");
        var events = new ConcurrentQueue<PaceEvent>();
        using var watch = gateway.WatchPace(events.Enqueue);

        var writes = Enumerable.Range(1, 3)
            .Select(i => gateway.RegisterAsync(QualifiedSubject.Parse($"ceiling-{i}"), new RegisterSchemaRequest(Some.AvroRecord($"Ceiling{i}", "id")), CancellationToken.None))
            .ToList();
        await UntilAsync(() => events.Count == 2 && _sandbox.Requests.Get(Registrations) == 1);
        var arrivedBefore = _sandbox.Requests.Get(Registrations);
        time.Advance(TimeSpan.FromSeconds(29));
        var arrivedAt29s = _sandbox.Requests.Get(Registrations);
        time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => _sandbox.Requests.Get(Registrations) == 2);
        time.Advance(TimeSpan.FromSeconds(30));
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1, 1), (arrivedBefore, arrivedAt29s));
        Assert.Equal(3, _sandbox.Requests.Get(Registrations));
        Assert.All(writes, w => Assert.Equal(WriteOutcome.Applied, w.Result.Outcome));
        Assert.All(events, e => Assert.Equal((PaceReason.WriteCeiling, "at most 2 writes a minute (MaxWritesPerMinute): writes wait their turn"), (e.Reason, e.Message)));
    }

    [Fact]
    public async Task MaxWritesPerMinute_ReadsAreNotHeld()
    {
        var time = new FakeTimeProvider();
        await using var services = Services(time, r => r.MaxWritesPerMinute = 1);
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get("lab");
        await gateway.RegisterAsync(QualifiedSubject.Parse("first"), new RegisterSchemaRequest(Some.AvroRecord("First", "id")), CancellationToken.None);

        var held = gateway.RegisterAsync(QualifiedSubject.Parse("second"), new RegisterSchemaRequest(Some.AvroRecord("Second", "id")), CancellationToken.None);
        var subjects = await gateway.ListSubjectsAsync(new SubjectQuery(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var heldMeanwhile = !held.IsCompleted;
        time.Advance(TimeSpan.FromMinutes(1));
        await held.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(heldMeanwhile);
        Assert.Equal(["first"], subjects.Select(s => s.ToString()));
    }

    [Fact]
    public async Task Writes429RetryAfter_EveryWriteAppliedOnce_EachWaitTold()
    {
        await using var services = Services(TimeProvider.System, _ => { });
        var gateway = services.GetRequiredService<IRegistryGatewayProvider>().Get("lab");
        var events = new ConcurrentQueue<PaceEvent>();
        using var watch = gateway.WatchPace(events.Enqueue);
        _sandbox.Faults.Arm(new FaultOptions { RetryAfterSeconds = 1, FailWrite = new WriteFault { At = 2, Every = 4, Count = 5, Answer = WriteFaultAnswer.RateLimited } });

        var results = new List<WriteResult<RegisteredSchema>>();
        for (var i = 1; i <= 12; i++)
        {
            results.Add(await gateway.RegisterAsync(QualifiedSubject.Parse($"limited-{i}"), new RegisterSchemaRequest(Some.AvroRecord($"Limited{i}", "id")), CancellationToken.None));
        }

        _sandbox.Faults.Disarm();

        Assert.All(results, r => Assert.Equal(WriteOutcome.Applied, r.Outcome));
        var rateLimited = _sandbox.Faults.Count(FaultKind.RateLimited);
        Assert.True(rateLimited >= 3, $"{rateLimited} 429s");
        Assert.Equal(12 + rateLimited, _sandbox.Requests.Get(Registrations));
        Assert.Equal(12, (await gateway.ListSubjectsAsync(new SubjectQuery(), CancellationToken.None)).Count);
        Assert.Equal(rateLimited, events.Count(e => e.Reason == PaceReason.RateLimited));
        Assert.All(events.Where(e => e.Reason == PaceReason.RateLimited), e => Assert.Equal("registry asked to wait 1 s (429); waiting 50 ms, the most allowed", e.Message));
    }

    /// <summary>A gateway to the Sandbox as in production, on <paramref name="time"/>; retries wait at most 50 ms.</summary>
    private ServiceProvider Services(TimeProvider time, Action<RegistryOptions> configure)
    {
        // Attempts never time out on the fake clock while a test moves it by minutes.
        var registry = new RegistryOptions { Name = "lab", Url = _sandbox.BaseAddress.ToString(), RequestTimeoutSeconds = 600 };
        configure(registry);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddRegistryGateways([registry], r => (r.BaseDelay, r.MaxDelay) = (TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)));
        return services.BuildServiceProvider();
    }

    /// <summary>Polls (real time, a 30 s deadline) until the condition holds.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }
}
