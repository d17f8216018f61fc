using ModelContextProtocol;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// A review step's progress lines (e.g. "group billing: lag 40 on topic orders" while waiting for consumers) as MCP
/// progress notifications of the call that asked the question; nothing when the client asked for no progress.
/// </summary>
internal sealed class ReviewProgress(IProgress<ProgressNotificationValue> progress) : IProgress<string>
{
    private int _reports;

    public static IProgress<string>? Of(IProgress<ProgressNotificationValue>? progress) => progress is null ? null : new ReviewProgress(progress);

    /// <summary>Reported as it comes, so the notifications keep the order of the lines; the count only grows.</summary>
    public void Report(string value) =>
        progress.Report(new ProgressNotificationValue { Progress = Interlocked.Increment(ref _reports), Message = value });
}
