using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// Sits between the SDK client and the server process and checks every <c>tools/call</c> result as a client built
/// on the TypeScript SDK does (<see cref="ToolResultCheck"/>): a result such a client refuses reaches the test as
/// the JSON-RPC error that client raises, so no test passes on it. Every <c>tools/list</c> answer is compared with
/// the schemas the check uses, which proves they do not depend on the settings a test gives.
/// </summary>
public sealed class ValidatingTransport : ITransport
{
    private const int InternalError = -32603;

    private readonly ITransport _inner;
    private readonly Task<OutputSchemas> _schemas;
    private readonly ConcurrentDictionary<RequestId, (string Method, string? Tool)> _requests = new();
    private readonly Channel<JsonRpcMessage> _received = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Task _relay;

    public ValidatingTransport(ITransport inner, Task<OutputSchemas> schemas)
    {
        _inner = inner;
        _schemas = schemas;
        _relay = Task.Run(RelayAsync);
    }

    public string? SessionId => _inner.SessionId;

    public ChannelReader<JsonRpcMessage> MessageReader => _received.Reader;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        if (message is JsonRpcRequest { Method: RequestMethods.ToolsCall or RequestMethods.ToolsList } request)
        {
            _requests[request.Id] = (request.Method, request.Params?["name"]?.GetValue<string>());
        }

        return _inner.SendMessageAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await _relay;
    }

    private async Task RelayAsync()
    {
        try
        {
            await foreach (var message in _inner.MessageReader.ReadAllAsync())
            {
                await _received.Writer.WriteAsync(await CheckAsync(message));
            }

            _received.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _received.Writer.TryComplete(e);
        }
    }

    private async Task<JsonRpcMessage> CheckAsync(JsonRpcMessage message)
    {
        if (message is JsonRpcError refused)
        {
            _requests.TryRemove(refused.Id, out _);
        }

        if (message is not JsonRpcResponse response || !_requests.TryRemove(response.Id, out var request))
        {
            return message;
        }

        JsonRpcErrorDetail? error;
        try
        {
            var schemas = await _schemas;
            error = request.Method == RequestMethods.ToolsCall
                ? ToolResultCheck.Inspect(schemas, request.Tool ?? "", response.Result)
                : CompareListed(schemas, response.Result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = new JsonRpcErrorDetail { Code = InternalError, Message = $"The declared output schemas could not be read or applied: {e.GetType().Name}: {e.Message}" };
        }

        return error is null ? message : new JsonRpcError { Id = response.Id, Error = error, Context = response.Context };
    }

    private static JsonRpcErrorDetail? CompareListed(OutputSchemas schemas, JsonNode? result)
    {
        var listed = (result?["tools"]?.AsArray() ?? [])
            .Where(t => t?["outputSchema"] is not null)
            .ToDictionary(t => t!["name"]!.GetValue<string>(), t => JsonSerializer.SerializeToElement(t!["outputSchema"]), StringComparer.Ordinal);
        var differing = listed.Keys.Union(schemas.Declared.Keys)
            .Where(name => !listed.TryGetValue(name, out var mine) || !schemas.Declared.TryGetValue(name, out var reference) || !JsonElement.DeepEquals(mine, reference))
            .Order(StringComparer.Ordinal)
            .ToList();
        return differing.Count == 0
            ? null
            : new JsonRpcErrorDetail
            {
                Code = InternalError,
                Message = $"tools/list: the output schemas of {string.Join(", ", differing)} differ from those the results are checked against; they were assumed not to depend on settings.",
            };
    }
}
