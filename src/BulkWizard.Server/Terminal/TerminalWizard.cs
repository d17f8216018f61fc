using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// The wizard at the terminal: the same session, questions, plan, review steps, confirmation (a dry run, then a typed
/// YES for a destructive plan) and run as over MCP, taken turn by turn from <see cref="WizardConversation"/>; only the
/// showing and the asking are the terminal's. The run is followed to its end with a progress bar.
/// </summary>
internal sealed class TerminalWizard(IAnsiConsole console, TerminalQuestions questions, WizardConversation conversation, TaskManager tasks, IPlanStore plans)
{
    public const int ExitCompleted = 0;
    public const int ExitNotCompleted = 1;

    /// <summary>Runs the wizard from what the command line gave (type, registry, run settings); the exit code says how it ended.</summary>
    public async Task<int> RunAsync(WizardStart start, CancellationToken interrupt)
    {
        WizardSession session;
        try
        {
            // Failures a person can act on (an unknown registry, one that cannot be reached) in the words the tools use.
            session = await ToolErrors.GuardAsync(start.Selection.Registry ?? "", () => Task.FromResult(conversation.Open(start)));
        }
        catch (McpException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitNotCompleted;
        }

        var state = ConversationState.Of(session);
        state.ConfirmedBy = RunRequest.TerminalConfirmed;
        console.MarkupLineInterpolated($"Registry: [bold]{session.Registry}[/]. Type [bold]{TerminalQuestions.CancelWord}[/] or press Ctrl+C to stop; nothing changes before the last confirmation.");
        var ended = await ConverseAsync(session, state, interrupt);
        return await FinishAsync(ended, interrupt);
    }

    private async Task<WizardReply> ConverseAsync(WizardSession session, ConversationState state, CancellationToken interrupt)
    {
        var view = new PlanView(console, plans);
        var progress = new ReviewLines(console);
        try
        {
            var turn = await BusyAsync(session, () => conversation.NextTurnAsync(session, progress, interrupt));
            while (turn.Question is { } question)
            {
                if (turn.Notice is { } notice)
                {
                    console.MarkupLineInterpolated($"[red]{notice}[/]");
                }

                var message = view.Before(question.StepId, question.Message, state);
                if (await questions.AskAsync(question, message, interrupt) is not { } answers)
                {
                    return conversation.Cancel(session);
                }

                turn = await BusyAsync(session, () => conversation.AnswerTurnAsync(session, question.StepId, answers, progress, interrupt));
            }

            return turn.Ended!;
        }
        catch (Exception e) when (interrupt.IsCancellationRequested && e is OperationCanceledException or McpException)
        {
            // Ctrl+C while the registry was read: whatever the read ended with, the person stopped the wizard.
            return conversation.Cancel(session);
        }
        catch (McpException e)
        {
            // A refusal (an answer given up front, a plan the executor would refuse): said as it is, nothing changed.
            conversation.Cancel(session);
            return new WizardReply { Status = "refused", Registry = session.Registry, Message = $"{e.Message.TrimEnd('.')}. Nothing was changed." };
        }
    }

    private async Task<int> FinishAsync(WizardReply ended, CancellationToken interrupt)
    {
        if (ended.Task is not { } snapshot || tasks.Find(snapshot.TaskId) is not { } task)
        {
            RunReport.Ended(console, ended);
            return ExitNotCompleted;
        }

        console.WriteLine();
        console.MarkupLineInterpolated($"Running task {task.Id} ({snapshot.TotalItems} item(s)); Ctrl+C stops it safely.");
        await new TaskProgressView(console, tasks).FollowAsync(task, interrupt);
        RunReport.Task(console, task);
        return task.Status == BulkTaskStatus.Completed ? ExitCompleted : ExitNotCompleted;
    }

    /// <summary>
    /// Planning, reviews and dry runs read the registry: a spinner says so where the terminal can show one, and a
    /// failure a person can act on is said in the words the tools use.
    /// </summary>
    private Task<T> BusyAsync<T>(WizardSession session, Func<Task<T>> work) =>
        ToolErrors.GuardAsync(session.Registry, () => questions.ReadsKeys ? console.Status().StartAsync("Working…", _ => work()) : work());
}
