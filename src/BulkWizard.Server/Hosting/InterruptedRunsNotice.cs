using BulkWizard.Core.Recovery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// Says on stderr at start-up that interrupted operations exist: a run a killed or crashed process left half done
/// (a subject left in IMPORT blocks its producers) should not wait for someone to think of asking.
/// </summary>
public sealed partial class InterruptedRunsNotice(InterruptedRuns runs, ILogger<InterruptedRunsNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: reading journals must not delay the answer to initialize.
        _ = Task.Run(() => ReportAsync(cancellationToken), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        try
        {
            var found = await runs.FindAsync(cancellationToken);
            if (found.Count > 0)
            {
                InterruptedOperationsFound(logger, found.Count, string.Join(", ", found.Select(r => $"{r.OperationId} ({r.Registry}, {r.Applied} applied, {r.InDoubt.Count} in doubt)")));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            NoticeFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} interrupted operation(s) in the data directory: {Operations}. list_interrupted_operations shows them; recover_operation rolls one back or resumes it")]
    private static partial void InterruptedOperationsFound(ILogger logger, int count, string operations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for interrupted operations")]
    private static partial void NoticeFailed(ILogger logger, Exception exception);
}
