using BulkWizard.Core.Execution;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace BulkWizard.Core.Tests.Tasks;

/// <summary>Finished tasks answer after a restart, with their counts whole and their items summarized, and only the newest are kept.</summary>
public sealed class FinishedTasksTests : IDisposable
{
    private readonly DataDirectory _data = new(Directory.CreateTempSubdirectory("bulkwizard-tasks-").FullName);

    public void Dispose() => Directory.Delete(_data.Root, recursive: true);

    [Fact]
    public async Task FinishedTask_AnswersInTheNextProcess_WithItsCountsAndTheFirstItems()
    {
        var first = Manager();
        var task = first.Start("plan_0123456789abcdef", "lab", "schema_update", 150, (_, _) => Task.FromResult(Result(150)));
        await task.Completion;

        var restarted = Manager().Find(task.Id)!;

        Assert.Equal((BulkTaskStatus.Completed, "plan_0123456789abcdef", "lab", 150), (restarted.Status, restarted.PlanId, restarted.Registry, restarted.TotalItems));
        Assert.Equal(task.Message, restarted.Message);
        Assert.Equal(150, restarted.Result!.Applied);
        Assert.Equal(FinishedTasks.ItemsKept, restarted.Result.Items.Count);
        Assert.Equal("bk_20261202T060000Z_0a1b2c3d", restarted.Result.BackupId);
    }

    [Fact]
    public async Task OnlyTheNewestAreKept()
    {
        var store = new FinishedTasks(_data);
        var manager = Manager();
        for (var i = 0; i < FinishedTasks.Kept + 3; i++)
        {
            var task = manager.Start($"plan_{i:x16}", "lab", "schema_update", 1, (_, _) => Task.FromResult(Result(1)));
            await task.Completion;
        }

        Assert.Equal(FinishedTasks.Kept, Directory.GetFiles(_data.TasksPath).Length);
        Assert.Equal(FinishedTasks.Kept, store.Load().Count);
    }

    private TaskManager Manager() => new(TimeProvider.System, NullLogger<TaskManager>.Instance, new FinishedTasks(_data));

    private static ExecutionResult Result(int items) => new()
    {
        TaskStatus = BulkTaskStatus.Completed,
        DryRun = false,
        ConfirmedBy = "assistant (tool call)",
        BackupId = "bk_20261202T060000Z_0a1b2c3d",
        Items = [.. Enumerable.Range(0, items).Select(i => new ItemResult(i, $"s{i}", ItemOutcome.Applied, "applied"))],
        Outcomes = new Dictionary<ItemOutcome, int> { [ItemOutcome.Applied] = items },
        FirstErrors = [],
    };
}
