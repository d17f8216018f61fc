using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>A server end played by the test: it keeps what the client sent and delivers what the test puts in.</summary>
public sealed class ScriptedTransport : ITransport
{
    private readonly Channel<JsonRpcMessage> _incoming = Channel.CreateUnbounded<JsonRpcMessage>();

    public List<JsonRpcMessage> Sent { get; } = [];

    public string? SessionId => null;

    public ChannelReader<JsonRpcMessage> MessageReader => _incoming.Reader;

    public ValueTask DeliverAsync(JsonRpcMessage message) => _incoming.Writer.WriteAsync(message);

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        Sent.Add(message);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
