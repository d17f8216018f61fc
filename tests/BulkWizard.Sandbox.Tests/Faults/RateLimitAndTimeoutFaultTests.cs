using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Faults;
using BulkWizard.Sandbox.Hosting;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Faults;

/// <summary>
/// The answers of a registry under load, over real HTTP: 429 with <c>Retry-After</c> and the registry's error body
/// (nothing handled), and 500 with error code 50002 (operation timed out) before or after the write was stored.
/// </summary>
public sealed class RateLimitAndTimeoutFaultTests
{
    [Fact]
    public async Task RateLimitRate_One_EveryRequestTurnedAwayWith429RetryAfterAndNothingStored()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { RateLimitRate = 1, RetryAfterSeconds = 7 });

        var read = await client.GetAsync("subjects");
        var write = await client.PostAsync("subjects/limited/versions", new JsonObject { ["schema"] = Schemas.Simple("Limited") });
        registry.Faults.Disarm();

        Assert.Equal((429, 429, "7"), (read.Code, read.ErrorCode, read.RetryAfter));
        Assert.Equal((429, 429, "7"), (write.Code, write.ErrorCode, write.RetryAfter));
        Assert.Equal(2, registry.Faults.Count(FaultKind.RateLimited));
        Assert.Equal(404, (await client.GetAsync("subjects/limited/versions")).Code);
    }

    [Fact]
    public async Task FailWrite_RateLimited_TheKthWriteIs429WithRetryAfter_TheOthersStored()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { RetryAfterSeconds = 2, FailWrite = new WriteFault { At = 2, Answer = WriteFaultAnswer.RateLimited } });

        var answers = new List<ApiResponse>();
        foreach (var name in new[] { "one", "two", "three" })
        {
            answers.Add(await client.PostAsync($"subjects/{name}/versions", new JsonObject { ["schema"] = Schemas.Simple(name) }));
        }

        registry.Faults.Disarm();

        Assert.Equal([200, 429, 200], answers.Select(a => a.Code));
        Assert.Equal((429, "2"), (answers[1].ErrorCode, answers[1].RetryAfter));
        Assert.Null(answers[0].RetryAfter);
        Assert.Equal(1, registry.Faults.Count(FaultKind.RateLimited));
        Assert.Equal(["one", "three"], (await client.GetAsync("subjects")).Strings());
    }

    [Theory]
    [InlineData(WriteFaultTiming.BeforeApply, 404)]
    [InlineData(WriteFaultTiming.AfterApply, 200)]
    public async Task FailWrite_TimedOut_Answers50002_StoredOnlyAfterApply(WriteFaultTiming timing, int readBack)
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { Answer = WriteFaultAnswer.TimedOut, Timing = timing } });

        var answer = await client.PostAsync("subjects/slow/versions", new JsonObject { ["schema"] = Schemas.Simple("Slow") });
        registry.Faults.Disarm();

        Assert.Equal((500, 50002), (answer.Code, answer.ErrorCode));
        Assert.Null(answer.RetryAfter);
        Assert.Equal(readBack, (await client.GetAsync("subjects/slow/versions")).Code);
    }

    [Fact]
    public async Task FailWrite_Every_FailsEveryNthWriteFromAt()
    {
        await using var sandbox = await SandboxUnderTest.StartAsync();
        var (registry, client) = (sandbox.Registry, sandbox.Client);
        registry.Faults.Arm(new FaultOptions { FailWrite = new WriteFault { At = 2, Every = 3, Count = 2, Answer = WriteFaultAnswer.TimedOut } });

        var codes = new List<int>();
        for (var i = 1; i <= 9; i++)
        {
            codes.Add((await client.PutAsync("config/every", new JsonObject { ["compatibility"] = "FULL" })).Code);
        }

        registry.Faults.Disarm();

        Assert.Equal([200, 500, 200, 200, 500, 200, 200, 200, 200], codes);
    }

    [Fact]
    public async Task FaultsEndpoint_RateLimitedAfterApply_RefusedNamingTheField()
    {
        await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, ServeFaults = true });
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };
        var client = new RegistryClient(http);

        var refused = await client.SendAsync(HttpMethod.Put, "_sandbox/faults", """{"failWrite":{"answer":"rateLimited","timing":"afterApply"}}""", "application/json");
        var armed = await client.SendAsync(HttpMethod.Put, "_sandbox/faults", """{"rateLimitRate":0.25,"retryAfterSeconds":3,"failWrite":{"at":4,"every":10,"untilDisarmed":true,"answer":"timedOut"}}""", "application/json");

        Assert.Equal(422, refused.Code);
        Assert.StartsWith("failWrite.answer rateLimited needs timing beforeApply", refused.Str("message"), StringComparison.Ordinal);
        Assert.Equal(200, armed.Code);
        Assert.Equal((0.25, 3, 10), (registry.Faults.Options!.RateLimitRate, registry.Faults.Options.RetryAfterSeconds, registry.Faults.Options.FailWrite!.Every));
        Assert.Equal(0, armed.Json!["injected"]!["rateLimited"]!.GetValue<long>());
    }
}
