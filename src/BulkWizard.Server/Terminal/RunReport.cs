using BulkWizard.Core.Tasks;
using BulkWizard.Server.Tools.Results;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>How the wizard ended, in words: the run's outcome (summary, backup, first errors), or why nothing ran.</summary>
internal static class RunReport
{
    public static void Task(IAnsiConsole console, BulkTask task)
    {
        var status = TaskSnapshot.From(task).Status;
        var colour = task.Status == BulkTaskStatus.Completed ? "green" : "red";
        console.WriteLine();
        console.MarkupLineInterpolated($"[{colour} bold]{status}[/]: {task.Result?.Summary ?? task.Message} (task {task.Id})");
        if (task.Result is not { } result)
        {
            return;
        }

        if (result.BackupId is { } backup)
        {
            console.MarkupLineInterpolated($"Backup {backup} in the data directory: restoring it puts the registry back as it was before this run.");
        }

        foreach (var error in result.FirstErrors)
        {
            console.MarkupLineInterpolated($"[red]! {error}[/]");
        }
    }

    public static void Ended(IAnsiConsole console, WizardReply reply)
    {
        console.WriteLine();
        console.MarkupLineInterpolated($"[yellow bold]{reply.Status}[/]: {reply.Message}");
    }
}
