using BulkWizard.Core.Backups.Retention;
using Microsoft.Extensions.Hosting;

namespace BulkWizard.Server.Hosting;

/// <summary>Applies the backup retention policy once at start-up, in the background (it must not delay the answer to initialize).</summary>
public sealed class BackupRetentionAtStartup(BackupPruner pruner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => pruner.PruneOrLogAsync("at start-up", null, CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
