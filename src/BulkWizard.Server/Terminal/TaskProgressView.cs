using BulkWizard.Core.Tasks;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// A live progress bar of a running task, to its end. Ctrl+C cancels the task through its own cancel path
/// (<see cref="TaskManager.Cancel"/>, as <c>cancel_task</c>): items in flight finish, then the plan's rollback rules
/// apply; the bar follows it until it has stopped.
/// </summary>
internal sealed class TaskProgressView(IAnsiConsole console, TaskManager tasks)
{
    private const string StoppingWords = "items in flight finish, then the rollback rules apply";

    public async Task FollowAsync(BulkTask task, CancellationToken interrupt)
    {
        var stopping = false;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(task.Message), maxValue: Math.Max(1, task.TotalItems));
                var gate = new Lock();
                void Update(BulkTask changed)
                {
                    lock (gate)
                    {
                        bar.MaxValue = Math.Max(1, changed.TotalItems);
                        bar.Value = changed.Processed;
                        var words = stopping && !changed.IsFinished ? "stopping: " + StoppingWords : changed.Message;
                        bar.Description = Markup.Escape($"{changed.Processed}/{changed.TotalItems} {words}");
                    }
                }

                task.Changed += Update;
                using var cancel = interrupt.Register(() =>
                {
                    stopping = tasks.Cancel(task.Id);
                    Update(task);
                    if (stopping && !console.Profile.Capabilities.Interactive)
                    {
                        // A transcript shows the bar only at some steps: the stop is said in a line of its own.
                        console.MarkupLineInterpolated($"Stopping task {task.Id}: {StoppingWords}.");
                    }
                });
                try
                {
                    Update(task);
                    await task.Completion;
                }
                finally
                {
                    task.Changed -= Update;
                }

                Update(task);
                bar.StopTask();
            });

        if (!console.Profile.Capabilities.Interactive)
        {
            // Without a terminal, Spectre prints the bar once a second at most: a run shorter than that would end the
            // transcript at its first line (0%). Its last count is said in the same form (the outcome follows it).
            var percent = task.TotalItems == 0 ? 100 : task.Processed * 100 / task.TotalItems;
            console.MarkupLineInterpolated($"{task.Processed}/{task.TotalItems}: {percent}%");
        }
    }
}
