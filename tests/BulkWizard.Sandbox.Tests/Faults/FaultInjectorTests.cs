using System.Net;
using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Faults;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Faults;

/// <summary>
/// Each kind of injected fault seen over real HTTP, what a failing write leaves in the registry (read back after
/// disarming), the seed's determinism, and the registry as usual once disarmed.
/// </summary>
public sealed class FaultInjectorTests
{
    [Theory]
    [InlineData(500, 50001)]
    [InlineData(503, 50003)]
    public async Task ErrorRate_One_EveryRequestAnsweredWithTheStatusAndARegistryErrorBody(int status, int errorCode)
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { ErrorRate = 1, ErrorStatus = status });

        var read = await client.GetAsync("subjects");
        var write = await client.PostAsync("subjects/refused/versions", new JsonObject { ["schema"] = Schemas.Simple("Refused") });
        registry.Faults.Disarm();

        Assert.Equal((status, errorCode), (read.Code, read.ErrorCode));
        Assert.Equal((status, errorCode), (write.Code, write.ErrorCode));
        Assert.Equal(2, registry.Faults.Count(FaultKind.Error));
        Assert.Equal(404, (await client.GetAsync("subjects/refused/versions")).Code);
        Assert.Equal(200, (await client.GetAsync("subjects")).Code);
    }

    [Fact]
    public async Task ErrorRate_SameSeed_SameRequestsFail()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        async Task<int[]> StatusesAsync(int seed)
        {
            registry.Faults.Arm(new FaultOptions { Seed = seed, ErrorRate = 0.5 });
            var statuses = new int[24];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (await client.GetAsync("subjects")).Code;
            }

            return statuses;
        }

        var first = await StatusesAsync(7);
        var failed = registry.Faults.Count(FaultKind.Error);
        var again = await StatusesAsync(7);
        var otherSeed = await StatusesAsync(8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.Contains(200, first);
        Assert.Contains(503, first);
        Assert.Equal(first.Count(s => s == 503), failed);
    }

    [Fact]
    public async Task Timeout_WithAHold_AnsweredAsTimedOutAfterIt_NothingApplied()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMilliseconds(100) });

        var answer = await client.PostAsync("subjects/held/versions", new JsonObject { ["schema"] = Schemas.Simple("Held") });
        registry.Faults.Disarm();

        Assert.Equal((500, 50002), (answer.Code, answer.ErrorCode));
        Assert.Equal(1, registry.Faults.Count(FaultKind.Timeout));
        Assert.Equal(404, (await client.GetAsync("subjects/held/versions")).Code);
    }

    [Fact]
    public async Task Timeout_WithoutAHold_HeldUntilTheClientGivesUp()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { TimeoutRate = 1 });
        using var impatient = new HttpClient { BaseAddress = registry.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        var gaveUp = await Assert.ThrowsAsync<TaskCanceledException>(() => new RegistryClient(impatient).GetAsync("subjects"));

        Assert.IsType<TimeoutException>(gaveUp.InnerException);
        Assert.Equal(1, registry.Faults.Count(FaultKind.Timeout));
    }

    [Fact]
    public async Task Timeout_WithoutAHold_DisarmingAnswersTheHeldRequest()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { TimeoutRate = 1 });

        var held = client.GetAsync("subjects");
        while (registry.Faults.Count(FaultKind.Timeout) == 0)
        {
            await Task.Yield();
        }

        registry.Faults.Disarm();
        var answer = await held;

        Assert.Equal((500, 50002), (answer.Code, answer.ErrorCode));
    }

    [Fact]
    public async Task Drop_TheConnectionAbortedWithoutAnAnswer_NothingApplied()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { DropRate = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("subjects/dropped/versions", new JsonObject { ["schema"] = Schemas.Simple("Dropped") }));
        registry.Faults.Disarm();

        Assert.Equal(1, registry.Faults.Count(FaultKind.Drop));
        Assert.Equal(404, (await client.GetAsync("subjects/dropped/versions")).Code);
    }

    [Fact]
    public async Task Latency_AddedToEveryRequest_WhichIsThenHandledAsUsual()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { Latency = TimeSpan.FromMilliseconds(20) });

        var id = await client.RegisterAsync("slow", Schemas.Simple("Slow"));
        var read = await client.GetAsync("subjects/slow/versions/1");

        Assert.Equal(id, read.Number("id"));
        Assert.Equal(2, registry.Faults.Count(FaultKind.Latency));
        Assert.Equal(0, registry.Faults.Injected.Where(p => p.Key != FaultKind.Latency).Sum(p => p.Value));
    }

    [Fact]
    public async Task FailWrite_BeforeApply_TheKthWriteFailsWithAConfluentError_NothingStored_ReadsNotCounted()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { At = 2 } });

        await client.RegisterAsync("first", Schemas.Simple("First"));
        await client.GetAsync("subjects/first/versions");
        var lookup = await client.PostAsync("subjects/first", new JsonObject { ["schema"] = Schemas.Simple("First") });
        var second = await client.PostAsync("subjects/second/versions", new JsonObject { ["schema"] = Schemas.Simple("Second") });
        var third = await client.PutAsync("config/first", new JsonObject { ["compatibility"] = "FULL" });
        registry.Faults.Disarm();

        Assert.Equal(200, lookup.Code);
        Assert.Equal((500, 50001), (second.Code, second.ErrorCode));
        Assert.StartsWith("Injected fault: write 2 (POST /subjects/{subject}/versions (second)) failed before it was applied", second.Str("message"), StringComparison.Ordinal);
        Assert.Equal(200, third.Code);
        Assert.Equal(1, registry.Faults.Count(FaultKind.WriteFailedBeforeApply));
        Assert.Equal(404, (await client.GetAsync("subjects/second/versions")).Code);
        Assert.Equal("FULL", (await client.GetAsync("config/first")).Str("compatibilityLevel"));
    }

    [Fact]
    public async Task FailWrite_AfterApply_WithAnError_StoredButAnswered500()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Timing = WriteFaultTiming.AfterApply } });

        var answer = await client.PostAsync("subjects/lost/versions", new JsonObject { ["schema"] = Schemas.Simple("Lost") });
        registry.Faults.Disarm();

        Assert.Equal((500, 50001), (answer.Code, answer.ErrorCode));
        Assert.Equal(1, registry.Faults.Count(FaultKind.WriteFailedAfterApply));
        Assert.Equal(new[] { 1 }, (await client.GetAsync("subjects/lost/versions")).Ints());
    }

    [Fact]
    public async Task FailWrite_AfterApply_WithADrop_StoredButTheConnectionAborted()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        await client.RegisterAsync("doomed-delete", Schemas.Simple("DoomedDelete"));
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Timing = WriteFaultTiming.AfterApply, Answer = WriteFaultAnswer.Drop } });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.DeleteAsync("subjects/doomed-delete"));
        registry.Faults.Disarm();

        Assert.Equal(1, registry.Faults.Count(FaultKind.WriteFailedAfterApply));
        Assert.Equal(new[] { "doomed-delete" }, (await client.GetAsync("subjects?deletedOnly=true")).Strings());
    }

    [Fact]
    public async Task FailWrite_Count_ThatManyWritesFailThenWritesSucceed()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { At = 1, Count = 2 } });

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await client.PutAsync("config/counted", new JsonObject { ["compatibility"] = "NONE" })).Code);
        }

        Assert.Equal([500, 500, 200, 200], codes);
        Assert.Equal(2, registry.Faults.Count(FaultKind.WriteFailedBeforeApply));
    }

    [Fact]
    public async Task FailWrite_ForOneSubjectUntilDisarmed_EveryWriteToItFails_OthersAndReadsPass()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        var subject = ":.ctx:doomed";
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Subject = subject, UntilDisarmed = true } });

        var other = await client.PostAsync("subjects/spared/versions", new JsonObject { ["schema"] = Schemas.Simple("Spared") });
        var writes = new[]
        {
            await client.PutAsync($"mode/{subject}?force=true", new JsonObject { ["mode"] = "IMPORT" }),
            await client.PostAsync("contexts/.ctx/subjects/doomed/versions", new JsonObject { ["schema"] = Schemas.Simple("Doomed") }),
            await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "FULL" }),
            await client.DeleteAsync($"subjects/{subject}"),
        };
        var read = await client.GetAsync($"subjects/{subject}/versions");
        registry.Faults.Disarm();
        var afterDisarm = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple("Doomed") });

        Assert.Equal(200, other.Code);
        Assert.All(writes, w => Assert.Equal((500, 50001), (w.Code, w.ErrorCode)));
        Assert.Equal(404, read.Code);
        Assert.Equal(4, registry.Faults.Count(FaultKind.WriteFailedBeforeApply));
        Assert.Equal(200, afterDisarm.Code);
    }

    [Fact]
    public async Task Arm_InvalidOptions_RefusedByName()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var registry = sandbox.Registry;
        var error = Assert.Throws<ArgumentException>(() => registry.Faults.Arm(new FaultOptions { ErrorRate = 0.6, DropRate = 0.6 }));

        Assert.StartsWith("errorRate, timeoutRate, dropRate and rateLimitRate must add up to 1 at most.", error.Message, StringComparison.Ordinal);
        Assert.False(registry.Faults.IsArmed);
    }

    [Fact]
    public async Task Options_FaultsArmedFromTheStart()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync(new SandboxOptions { Faults = new FaultOptions { ErrorRate = 1, ErrorStatus = 500 } });

        Assert.Equal(HttpStatusCode.InternalServerError, (await sandbox.Client.GetAsync("subjects")).Status);
        Assert.True(sandbox.Registry.Faults.IsArmed);
    }
}
