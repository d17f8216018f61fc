using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// Traces and metrics of runs go to an OTLP collector (http/protobuf) only when one is configured; stdout stays
/// JSON-RPC either way.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("BulkWizard__Telemetry__OtlpEndpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public async Task Run_WithCollectorConfigured_PostsTracesAndMetricsOfTheRun(string setting)
    {
        await using var receiver = new OtlpReceiver();
        await using var harness = await WizardHarness.StartAsync();
        var settings = harness.Settings;
        settings[setting] = receiver.BaseAddress;

        var (status, server) = await RunOnePlanAsync(settings);

        Assert.Equal("completed", status);
        Assert.Contains("bulkwizard.execute", receiver.BodiesAt("/v1/traces"), StringComparison.Ordinal);
        var metrics = receiver.BodiesAt("/v1/metrics");
        Assert.Contains("bulkwizard.operations", metrics, StringComparison.Ordinal);
        Assert.Contains("bulkwizard.items", metrics, StringComparison.Ordinal);
        Assert.Contains("bulkwizard.operation.duration", metrics, StringComparison.Ordinal);
        Assert.All(receiver.Requests, r => Assert.True(r.Path is "/v1/traces" or "/v1/metrics", r.Path));
        StdoutPurityTests.AssertAllJsonRpc(server);
    }

    [Fact]
    public async Task Run_NoCollectorConfigured_SendsNothing()
    {
        await using var receiver = new OtlpReceiver();
        await using var harness = await WizardHarness.StartAsync();
        var settings = harness.Settings;

        // What the exporter would follow if it ran anyway: only the endpoint settings turn telemetry on.
        settings["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = receiver.BaseAddress + "/v1/traces";
        settings["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = receiver.BaseAddress + "/v1/metrics";
        var (status, server) = await RunOnePlanAsync(settings);

        Assert.Equal("completed", status);
        Assert.Empty(receiver.Requests);
        StdoutPurityTests.AssertAllJsonRpc(server);
    }

    /// <summary>Plans a compatibility update of the test subjects, runs it, and lets the server exit as a client closing would.</summary>
    private static async Task<(string Status, IReadOnlyList<string> Stdout)> RunOnePlanAsync(Dictionary<string, string> settings)
    {
        await using var server = RawServerProcess.Start(settings);
        await server.InitializeAsync(ProtocolRevisions.Pinned, Timeout);
        var plan = (await server.CallToolAsync(2, "bulk_schema_update", new JsonObject
        {
            ["pattern"] = "test-*", ["update_type"] = "compatibility", ["compatibility"] = "FULL",
        }, Timeout))["plan"]!;
        var run = await server.CallToolAsync(3, "confirm_bulk_operation", new JsonObject
        {
            ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = 30,
        }, Timeout);
        var exitCode = await server.CloseAndWaitAsync(Timeout);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {server.Stderr}");
        return (run.Str("status"), server.StdoutLines);
    }
}
