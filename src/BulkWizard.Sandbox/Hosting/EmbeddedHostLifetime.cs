using Microsoft.Extensions.Hosting;

namespace BulkWizard.Sandbox.Hosting;

/// <summary>
/// A lifetime that neither listens for Ctrl+C nor prints anything: an embedded Sandbox stops when
/// its owner disposes it, not when the process gets a signal meant for the owner.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
