using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Reports;

namespace BulkWizard.Core.Tests.Reports;

public sealed class TaskReportMarkdownTests
{
    [Fact]
    public void Render_PipesAndNewlinesInValues_StayInsideTheirCells()
    {
        var report = Report([
            new TaskReportItem(0, "test-a", null, "test-a: set tag a|b", new JsonObject { ["tags"] = "a|b" }, null, "failed", "refused:\nline two"),
        ]);

        var markdown = TaskReportMarkdown.Render(report);

        Assert.Contains("| 1 | test-a | test-a: set tag a\\|b | `{\"tags\":\"a\\|b\"}` | – | failed: refused: line two |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Skipped subjects\n\n- test-locked: mode READONLY (subject)", markdown.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MoreItemsThanShown_SaysHowManyMoreAreInTheFiles()
    {
        var report = Report([.. Enumerable.Range(0, 5).Select(i => new TaskReportItem(i, $"s{i}", null, $"s{i}: A → B", null, null, "applied", null))]);

        var markdown = TaskReportMarkdown.Render(report, maxItems: 2);

        Assert.Contains("| 2 | s1 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| 3 | s2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("… and 3 more item(s) in the report files.", markdown, StringComparison.Ordinal);
    }

    private static TaskReport Report(IReadOnlyList<TaskReportItem> items) => new()
    {
        TaskId = "task_1",
        PlanId = "plan_0123456789abcdef",
        PlanHash = "abc",
        Title = "Set tags",
        OperationType = "schema_update",
        Registry = "lab",
        Status = "failed",
        DryRun = false,
        ConfirmedBy = "assistant (tool call)",
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
        BackupId = null,
        Summary = "failed: 0 applied",
        OutcomesFrom = "journal",
        Outcomes = items.GroupBy(i => i.Outcome).ToDictionary(g => g.Key, g => g.Count()),
        Items = items,
        Skipped = [new SkippedSubject("test-locked", "mode READONLY (subject)")],
    };
}
