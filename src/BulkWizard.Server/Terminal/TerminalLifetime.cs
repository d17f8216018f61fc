using Microsoft.Extensions.Hosting;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// The host's lifetime at the terminal: it does not take Ctrl+C. The default console lifetime would stop the host on
/// Ctrl+C, which stops a running task as a shutdown (no rollback); at the terminal Ctrl+C is the person's cancel
/// (<see cref="TerminalInterrupt"/>), which goes through the task's own cancel path.
/// </summary>
internal sealed class TerminalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
