using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Progress as it leaves the server, read off stdout in order (the SDK client dispatches notifications
/// concurrently, so only the wire shows the order the server sent).
/// </summary>
public sealed class ProgressTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ConfirmingCall_ProgressStrictlyIncreasesToTotalAndStopsWithTheResult()
    {
        await using var harness = await WizardHarness.StartAsync();
        await using var server = RawServerProcess.Start(harness.Settings);
        await server.InitializeAsync("2025-11-25", Timeout);
        await server.SendAsync(Call(2, "bulk_schema_update", new JsonObject { ["pattern"] = ":*:*", ["compatibility"] = "NONE", ["batch_size"] = 5 }));
        var plan = (await server.WaitForResponseAsync(2, Timeout))["result"]!["structuredContent"]!["plan"]!;

        var confirm = Call(3, "confirm_bulk_operation", new JsonObject
        {
            ["plan_id"] = plan["plan_id"]!.GetValue<string>(), ["plan_hash"] = plan["plan_hash"]!.GetValue<string>(),
            ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = 50,
        });
        confirm["params"]!["_meta"] = new JsonObject { ["progressToken"] = "run-1" };
        await server.SendAsync(confirm);
        var result = await server.WaitForResponseAsync(3, Timeout);

        var lines = server.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        var resultAt = lines.FindIndex(l => l["id"]?.GetValue<int>() == 3);
        var progress = lines.Select((l, i) => (Line: l, Index: i))
            .Where(p => p.Line["method"]?.GetValue<string>() == "notifications/progress" && p.Line["params"]!["progressToken"]!.GetValue<string>() == "run-1")
            .ToList();
        var changes = plan["changes"]!.GetValue<int>();
        Assert.Equal("completed", result["result"]!["structuredContent"]!["status"]!.GetValue<string>());
        Assert.NotEmpty(progress);
        var values = progress.Select(p => p.Line["params"]!["progress"]!.GetValue<double>()).ToList();
        Assert.Equal(values.Order(), values);
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(progress, p => Assert.Equal(changes, p.Line["params"]!["total"]!.GetValue<double>()));
        Assert.Equal(changes, values[^1]);
        Assert.All(progress, p => Assert.True(p.Index < resultAt, "progress after the result"));
    }

    private static JsonObject Call(int id, string tool, JsonObject arguments) =>
        RawServerProcess.Request(id, "tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments });
}
