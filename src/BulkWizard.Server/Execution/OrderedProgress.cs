using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Execution;

/// <summary>
/// Sends <c>notifications/progress</c> for one call strictly in the order reported: one sender awaits each
/// notification before the next (fire-and-forget sends may overtake each other). Disposing stops sending,
/// so nothing is sent for a call that has returned.
/// </summary>
public sealed class OrderedProgress : IProgress<ProgressNotificationValue>, IAsyncDisposable
{
    private readonly Channel<ProgressNotificationValue> _pending = Channel.CreateUnbounded<ProgressNotificationValue>(new() { SingleReader = true });
    private readonly Task _sender;

    private OrderedProgress(McpServer server, ProgressToken token)
    {
        _sender = Task.Run(async () =>
        {
            await foreach (var value in _pending.Reader.ReadAllAsync())
            {
                await server.NotifyProgressAsync(token, value);
            }
        });
    }

    /// <summary>A sender for the call's progress token, or null when the client asked for no progress.</summary>
    public static OrderedProgress? For(McpServer server, RequestContext<CallToolRequestParams> request) =>
        request.Params?.ProgressToken is { } token ? new OrderedProgress(server, token) : null;

    public void Report(ProgressNotificationValue value) => _pending.Writer.TryWrite(value);

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        try
        {
            await _sender;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away; progress is best effort, the task's own status is the record.
        }
    }
}
