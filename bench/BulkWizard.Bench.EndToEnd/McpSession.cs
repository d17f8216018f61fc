using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// An MCP server started as a child process and spoken to by hand: <c>initialize</c> at protocol
/// 2025-11-25 with no client capabilities (so no forms), <c>notifications/initialized</c>, then tool calls.
/// </summary>
internal sealed class McpSession : IAsyncDisposable
{
    public const string ProtocolVersion = "2025-11-25";
    private static readonly TimeSpan InitializeTimeout = TimeSpan.FromSeconds(60);

    private McpSession(ChildProcess process, TimeSpan startup)
    {
        Process = process;
        Rpc = new JsonRpcConnection(process);
        Startup = startup;
    }

    public ChildProcess Process { get; }

    public JsonRpcConnection Rpc { get; }

    /// <summary>From starting the process to reading the <c>initialize</c> response.</summary>
    public TimeSpan Startup { get; private set; }

    public static async Task<McpSession> StartAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings, string? stderrCopy = null)
    {
        var started = Stopwatch.GetTimestamp();
        var session = new McpSession(ChildProcess.Start(fileName, arguments, settings, stderrCopy: stderrCopy), TimeSpan.Zero);
        try
        {
            await session.Rpc.RequestAsync("initialize", new JsonObject
            {
                ["protocolVersion"] = ProtocolVersion,
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "bulkwizard-bench", ["version"] = "1.0" },
            }, InitializeTimeout);
            session.Startup = Stopwatch.GetElapsedTime(started);
            await session.Rpc.NotifyAsync("notifications/initialized");
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls a tool and returns its <c>structuredContent</c>; a tool error throws <see cref="ToolCallException"/> with its text.</summary>
    public async Task<JsonObject> CallToolAsync(string name, JsonObject arguments, TimeSpan timeout)
    {
        var result = await Rpc.RequestAsync("tools/call", new JsonObject { ["name"] = name, ["arguments"] = arguments }, timeout);
        if (result["isError"]?.GetValue<bool>() == true)
        {
            var text = string.Join(' ', (result["content"] as JsonArray ?? []).Select(c => c?["text"]?.GetValue<string>()));
            throw new ToolCallException(name, text);
        }

        return result["structuredContent"] as JsonObject ?? throw new InvalidOperationException($"{name}: no structuredContent in {result.ToJsonString()}");
    }

    /// <summary>Closes stdin and waits for the exit (null exit code when it had to be killed).</summary>
    public Task<int?> CloseAsync(TimeSpan timeout) => Process.CloseAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Rpc.Dispose();
    }
}
