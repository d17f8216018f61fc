using BulkWizard.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// Picks up the scheduled runs an earlier process confirmed: those still ahead wait again, without anyone calling a
/// tool; those whose time passed while no server ran are reported missed (task status and a warning on stderr), never
/// run late.
/// </summary>
public sealed partial class ScheduledRunsStartup(IServiceProvider services, ILogger<ScheduledRunsStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: building the scheduler and reading the data directory must not delay the answer to initialize.
        _ = Task.Run(ResumeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResumeAsync()
    {
        try
        {
            var scheduler = services.GetRequiredService<RunScheduler>();
            foreach (var missed in await scheduler.ResumeAsync())
            {
                RunMissed(logger, missed.Id, missed.PlanId, StartAt.Format(missed.StartAt!.Value));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            ResumeFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled task {TaskId} (plan {PlanId}) was to start at {StartAt}, when no server was running: missed, not run late. list_tasks shows it")]
    private static partial void RunMissed(ILogger logger, string taskId, string planId, string startAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not pick up the scheduled runs of the data directory")]
    private static partial void ResumeFailed(ILogger logger, Exception exception);
}
