using BulkWizard.Core.Tasks;
using BulkWizard.Server.Tools.Results;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>How the wizard ended, in words: the run's outcome (summary, backup, first errors), or why nothing ran.</summary>
internal static class RunReport
{
    public static void Task(IAnsiConsole console, BulkTask task)
    {
        var colour = task.Status == BulkTaskStatus.Completed ? "green" : "red";
        var summary = task.Result?.Summary ?? $"{TaskSnapshot.From(task).Status}: {task.Message}";
        console.WriteLine();
        console.MarkupLineInterpolated($"[{colour} bold]{summary}[/] (task {task.Id})");
        if (task.Result is not { } result)
        {
            return;
        }

        if (result.BackupId is { } backup)
        {
            var use = task.Status == BulkTaskStatus.Completed ? ": restoring it puts the registry back as it was before this run" : "";
            console.MarkupLineInterpolated($"Backup {backup} in the data directory{use}.");
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
