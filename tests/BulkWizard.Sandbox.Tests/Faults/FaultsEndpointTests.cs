using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Faults;
using BulkWizard.Sandbox.Hosting;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Faults;

/// <summary><c>/_sandbox/faults</c>: served only when asked, arms from JSON, reports what fired, disarms.</summary>
public sealed class FaultsEndpointTests
{
    [Fact]
    public async Task FaultsEndpoint_OffByDefault_NotFound()
    {
        await using var plain = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var http = new HttpClient { BaseAddress = plain.BaseAddress };

        var answer = await new RegistryClient(http).PutAsync("_sandbox/faults", new JsonObject { ["errorRate"] = 1 });

        Assert.Equal((404, 404), (answer.Code, answer.ErrorCode));
        Assert.False(plain.Faults.IsArmed);
    }

    [Fact]
    public async Task FaultsEndpoint_PutArms_GetReportsWhatFired_DeleteDisarms()
    {
        await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, ServeFaults = true });
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };
        var client = new RegistryClient(http);

        var armed = await client.PutAsync("_sandbox/faults", JsonNode.Parse("""
            {"seed": 3, "failWrite": {"at": 1, "untilDisarmed": true, "subject": "orders-*", "timing": "afterApply", "answer": "error"}}
            """)!);
        var failed = await client.PostAsync("subjects/orders-value/versions", new JsonObject { ["schema"] = Schemas.Simple("Order") });
        var spared = await client.PostAsync("subjects/payments-value/versions", new JsonObject { ["schema"] = Schemas.Simple("Payment") });
        var state = await client.GetAsync("_sandbox/faults");
        var options = registry.Faults.Options;
        var disarmed = await client.DeleteAsync("_sandbox/faults");

        Assert.Equal(200, armed.Code);
        Assert.Equal("afterApply", armed.Json!["options"]!["failWrite"]!["timing"]!.GetValue<string>());
        Assert.Equal(new WriteFault { At = 1, UntilDisarmed = true, Subject = "orders-*", Timing = WriteFaultTiming.AfterApply }, options?.FailWrite);
        Assert.Equal(3, options!.Seed);
        Assert.Equal(500, failed.Code);
        Assert.Equal(200, spared.Code);
        Assert.True(state.Json!["armed"]!.GetValue<bool>());
        Assert.Equal(1, state.Json!["injected"]!["writeFailedAfterApply"]!.GetValue<long>());
        Assert.Equal(0, state.Json!["injected"]!["error"]!.GetValue<long>());
        Assert.False(disarmed.Json!["armed"]!.GetValue<bool>());
        Assert.Null(disarmed.Json!["options"]);
        Assert.False(registry.Faults.IsArmed);
        Assert.Equal(new[] { 1 }, (await client.GetAsync("subjects/orders-value/versions")).Ints());
        Assert.Equal(0, registry.Requests.Get("GET (unmatched)"));
    }

    [Theory]
    [InlineData("""{"errorRate": 2}""", 422, "errorRate must be between 0 and 1 (got 2).")]
    [InlineData("""{"errorStatus": 502}""", 422, "errorStatus must be 500 or 503 (got 502).")]
    [InlineData("""{"failWrite": {"at": 0}}""", 422, "failWrite.at must be 1 or more (got 0).")]
    [InlineData("""{"errorRat": 1}""", 400, "Unreadable fault options")]
    [InlineData("""{"failWrite": {"timing": "later"}}""", 400, "Unreadable fault options")]
    public async Task FaultsEndpoint_InvalidOptions_RefusedAndNothingArmed(string body, int status, string message)
    {
        await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, ServeFaults = true });
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };

        var answer = await new RegistryClient(http).SendAsync(HttpMethod.Put, "_sandbox/faults", body);

        Assert.Equal((status, status), (answer.Code, answer.ErrorCode));
        Assert.StartsWith(message, answer.Str("message"), StringComparison.Ordinal);
        Assert.False(registry.Faults.IsArmed);
    }

    [Fact]
    public void CommandLine_FaultsEndpointFlag_ServesTheEndpoint_OffWithoutIt()
    {
        Assert.True(SandboxCommandLine.TryParse(["--faults-endpoint"], out var served, out _));
        Assert.True(SandboxCommandLine.TryParse([], out var plain, out _));

        Assert.True(served.ServeFaults);
        Assert.False(plain.ServeFaults);
        Assert.Contains("[--faults-endpoint]", SandboxCommandLine.Usage, StringComparison.Ordinal);
    }
}
