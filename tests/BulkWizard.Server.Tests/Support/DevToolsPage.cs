using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Server.Tests.Support;

/// <summary>One page target over the Chrome DevTools Protocol: navigate, and evaluate JavaScript with its value returned.</summary>
public sealed class DevToolsPage : IAsyncDisposable
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _nextId;

    private DevToolsPage(ClientWebSocket socket)
    {
        _socket = socket;
        _reading = Task.Run(ReadAsync);
    }

    public static async Task<DevToolsPage> ConnectAsync(Uri webSocketUrl)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(CommandDeadline);
        await socket.ConnectAsync(webSocketUrl, timeout.Token);
        return new DevToolsPage(socket);
    }

    public async Task NavigateAsync(string url)
    {
        await SendAsync("Page.enable", new JsonObject());
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
    }

    /// <summary>Evaluates <paramref name="expression"/> (awaiting a promise) and returns its value as JSON; a script error fails the test.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        });
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException($"The page threw on `{expression}`: {error}");
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var returned) ? returned : default;
    }

    /// <summary>Polls <paramref name="condition"/> until it is true, or fails after <paramref name="timeout"/> with what the page says.</summary>
    public async Task WaitUntilAsync(string condition, TimeSpan timeout, string describe = "document.body ? document.body.innerText.slice(0, 500) : ''")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await EvaluateAsync($"!!({condition})") is { ValueKind: JsonValueKind.True })
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"`{condition}` did not hold within {timeout.TotalSeconds} s; the page shows: {await EvaluateAsync(describe)}");
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        var response = await answer.Task.WaitAsync(CommandDeadline);
        return response.TryGetProperty("error", out var error)
            ? throw new InvalidOperationException($"{method} failed: {error}")
            : response.GetProperty("result");
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(message.ToArray());
                message.SetLength(0);
                if (document.RootElement.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var waiting))
                {
                    waiting.TrySetResult(document.RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }

        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new InvalidOperationException("The DevTools connection closed."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        finally
        {
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
