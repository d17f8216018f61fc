using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Hosting;

namespace BulkWizard.Server.Hosting;

/// <summary>On host shutdown (stdin closed, SIGTERM) running tasks finish their in-flight items, restore modes and mark their journals interrupted.</summary>
public sealed class TaskShutdown(TaskManager tasks) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tasks.ShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed; the journals say what was left in flight.
        }
    }
}
