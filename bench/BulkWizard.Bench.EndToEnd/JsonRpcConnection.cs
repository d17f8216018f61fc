using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Newline-delimited JSON-RPC over a child's stdin and stdout. Responses are matched to requests by id;
/// notifications (progress, logs) and anything that is not a response are read and dropped, so the
/// server's stdout never fills up. Lines that are not JSON are counted: stdout must carry only JSON-RPC.
/// </summary>
internal sealed class JsonRpcConnection : IDisposable
{
    private readonly ChildProcess _process;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _reader;
    private long _nextId;

    public JsonRpcConnection(ChildProcess process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public long Notifications { get; private set; }

    public long NonJsonLines { get; private set; }

    /// <summary>Sends a request and returns its <c>result</c>; a JSON-RPC error or the end of stdout throws.</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonObject parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        JsonObject message;
        try
        {
            message = await response.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no response to {method} within {timeout}; stderr ends with:\n{_process.StderrTail}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }

        return message["error"] is JsonObject error
            ? throw new InvalidOperationException($"{method}: JSON-RPC error {error["code"]}: {error["message"]}")
            : message["result"] as JsonObject ?? [];
    }

    public Task NotifyAsync(string method) => WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method });

    /// <summary>Completes when the child closes its stdout (after it exits).</summary>
    public Task Completion => _reader;

    public void Dispose() => _writing.Dispose();

    private async Task WriteAsync(JsonObject message)
    {
        await _writing.WaitAsync();
        try
        {
            await _process.Input.WriteLineAsync(message.ToJsonString());
            await _process.Input.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.Output.ReadLineAsync() is { } line)
        {
            JsonObject? message;
            try
            {
                message = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
                message = null;
            }

            if (message is null)
            {
                NonJsonLines++;
            }
            else if (message["method"] is not null)
            {
                Notifications++; // a notification, or a request of the server's, which a client without capabilities does not get
            }
            else if (message["id"] is JsonValue id && id.TryGetValue<long>(out var number) && _pending.TryGetValue(number, out var waiting))
            {
                waiting.TrySetResult(message);
            }
        }

        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new EndOfStreamException($"the server closed its stdout; stderr ends with:\n{_process.StderrTail}"));
        }
    }
}
