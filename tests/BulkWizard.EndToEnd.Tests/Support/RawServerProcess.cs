using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// The server process driven by hand: lines in, every stdout line kept as it came. The SDK client
/// silently skips non-JSON lines, so only this can prove that stdout carries nothing but JSON-RPC. Tool results
/// are checked against the declared output schemas like the SDK client's (<see cref="ToolResultCheck"/>).
/// </summary>
public sealed class RawServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly ConcurrentDictionary<int, string> _toolCalls = new();
    private string? _protocolVersion;

    private RawServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data, isStdout: true);
        process.ErrorDataReceived += (_, e) => Append(e.Data, isStdout: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static RawServerProcess Start(IReadOnlyDictionary<string, string>? settings = null, params string[] arguments) =>
        StartCommand("dotnet", [ServerLauncher.ServerDll, .. arguments], settings);

    /// <summary>The server started by another command, such as an installed tool's <c>bulkwizard</c>.</summary>
    public static RawServerProcess StartCommand(string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in ServerLauncher.IsolatedEnvironment(settings))
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return new RawServerProcess(Process.Start(info) ?? throw new InvalidOperationException($"{command} did not start"));
    }

    public IReadOnlyList<string> StdoutLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The <c>initialize</c> handshake of <paramref name="protocolVersion"/>; returns the initialize response.</summary>
    public async Task<JsonObject> InitializeAsync(string protocolVersion, TimeSpan timeout)
    {
        _protocolVersion = protocolVersion;
        await SendAsync(Request(1, "initialize", new JsonObject
        {
            ["protocolVersion"] = protocolVersion,
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "raw", ["version"] = "1.0" },
        }));
        var response = await WaitForResponseAsync(1, timeout);
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" });
        return response;
    }

    public static JsonObject Request(int id, string method, JsonObject parameters) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };

    public async Task SendAsync(JsonObject message)
    {
        if (message["method"]?.GetValue<string>() == "tools/call" && message["id"] is { } id)
        {
            _toolCalls[id.GetValue<int>()] = message["params"]!["name"]!.GetValue<string>();
        }

        await _process.StandardInput.WriteLineAsync(message.ToJsonString());
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>
    /// Waits for the response carrying <paramref name="id"/>; fails with stderr when it does not come, and with the
    /// schema problems when it is a tool result a client would refuse.
    /// </summary>
    public async Task<JsonObject> WaitForResponseAsync(int id, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var match = StdoutLines.Select(TryParse).FirstOrDefault(m => m?["id"]?.GetValue<int>() == id);
            if (match is not null)
            {
                await CheckToolResultAsync(id, match);
                return match;
            }

            try
            {
                await _lineArrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no response {id} within {timeout}; stderr:\n{Stderr}");
            }
        }
    }

    /// <summary>Closes stdin, as a client does when it is done, and waits for the exit code.</summary>
    public async Task<int> CloseAndWaitAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process already exited (a refused setting, say): its pipe is gone.
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // drains the asynchronous readers
        return _process.ExitCode;
    }

    /// <summary>Kills the process outright (SIGKILL on Unix), as a crash or an out-of-memory kill would: nothing of it runs any more.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Calls a tool and returns its result's structured content; fails on an error result.</summary>
    public async Task<JsonObject> CallToolAsync(int id, string tool, JsonObject arguments, TimeSpan timeout)
    {
        await SendAsync(Request(id, "tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments }));
        var response = await WaitForResponseAsync(id, timeout);
        var result = response["result"] ?? throw new InvalidOperationException($"{tool}: {response.ToJsonString()}");
        Assert.False(result["isError"]?.GetValue<bool>() == true, $"{tool}: {result.ToJsonString()}");
        return result["structuredContent"]!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private async Task CheckToolResultAsync(int id, JsonObject response)
    {
        if (_toolCalls.TryGetValue(id, out var tool)
            && ToolResultCheck.Inspect(await OutputSchemas.ForAsync(_protocolVersion), tool, response["result"]) is { } refused)
        {
            Assert.Fail($"{tool} (response {id}): {refused.Message}");
        }
    }

    private static JsonObject? TryParse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private void Append(string? line, bool isStdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (isStdout)
            {
                _stdout.Add(line);
            }
            else
            {
                _stderr.AppendLine(line);
            }
        }

        if (isStdout)
        {
            _lineArrived.Release();
        }
    }
}
