using ModelContextProtocol;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// A review step's progress lines (e.g. waiting for consumers to catch up) written as they come. The task's own
/// progress, reported through the same channel with a total, is left to the progress bar.
/// </summary>
internal sealed class ReviewLines(IAnsiConsole console) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value)
    {
        if (value.Total is null && value.Message is { Length: > 0 } message)
        {
            console.MarkupLineInterpolated($"[grey]{message}[/]");
        }
    }
}
