using System.ComponentModel;
using BulkWizard.Core.Tasks;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Following and stopping the runs of confirmed plans.</summary>
[McpServerToolType]
public sealed class TaskTools(TaskManager tasks)
{
    [McpServerTool(Name = "get_task_status", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The status of a run: pending, scheduled (waiting for its start_at), running, paused (pause_task), completed, failed, cancelled, rolled_back, rollback_failed, missed (its start_at passed while no server ran; not run) or plan_changed (at its start_at the plan's answers planned something else; not run, replanned names the new plan to review and confirm); processed of total_items, message, timestamps, and once it has run the result (applied, undone, failed, skipped and conflict counts, the first errors, the backup id, who confirmed).")]
    public TaskSnapshot GetTaskStatus([Description("The task_id returned when a plan was confirmed.")] string task_id) =>
        TaskSnapshot.From(Find(task_id));

    [McpServerTool(Name = "list_tasks", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The runs of this server process, the scheduled runs waiting for their time, and the last 200 finished ones of earlier processes, newest first; statuses as get_task_status gives them (scheduled, running, paused, completed, missed, plan_changed, …).")]
    public TaskList ListTasks() => new([.. tasks.List().Select(t => TaskSnapshot.From(t))]);

    [McpServerTool(Name = "cancel_task", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Aborts a running task: items in flight finish, no new item starts, then the applied changes are rolled back when the run has rollback_on_error (the default). A scheduled task is cancelled before it starts: nothing runs. Returns the task as it is now; follow it with get_task_status.")]
    public TaskSnapshot CancelTask([Description("The task_id to abort.")] string task_id)
    {
        var task = Find(task_id);
        if (!tasks.Cancel(task_id))
        {
            throw new McpException($"task_id: task {task_id} has already finished ({TaskSnapshot.From(task).Status}); nothing to cancel.");
        }

        return TaskSnapshot.From(task);
    }

    [McpServerTool(Name = "pause_task", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Pauses a running task between two batches: the items in flight finish, then no new batch starts until resume_task (cancel_task still stops it). Status paused. Returns the task as it is now.")]
    public TaskSnapshot PauseTask([Description("The task_id to pause.")] string task_id)
    {
        var task = Find(task_id);
        return tasks.Pause(task_id) || task.Status == BulkTaskStatus.Paused
            ? TaskSnapshot.From(task)
            : throw new McpException($"task_id: task {task_id} is {TaskSnapshot.From(task).Status}; only a running task can be paused.");
    }

    [McpServerTool(Name = "resume_task", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Resumes a paused task: its next batch starts, at the pace it was confirmed with. Returns the task as it is now.")]
    public TaskSnapshot ResumeTask([Description("The task_id to resume.")] string task_id)
    {
        var task = Find(task_id);
        return tasks.Resume(task_id) || task.Status == BulkTaskStatus.Running
            ? TaskSnapshot.From(task)
            : throw new McpException($"task_id: task {task_id} is {TaskSnapshot.From(task).Status}; only a paused task can be resumed.");
    }

    private BulkTask Find(string taskId) =>
        tasks.Find(taskId) ?? throw new McpException($"task_id: no task '{taskId}' (finished tasks are kept across restarts, the newest 200); list_tasks shows them.");
}
