using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// <c>bulkwizard apply plan.json</c>: a plan exported for a change ticket (<c>export_plan</c>) run later. The file's plan
/// must still hash to its <c>plan_hash</c>, and its answers are planned again against the registry as it is now
/// (<see cref="PlanReplay"/>): only when that gives the very same changes is the new plan previewed and confirmed as the
/// wizard confirms (a dry run, then a typed YES for a destructive plan) and run. Otherwise nothing runs and the new plan
/// is saved for review. The hash proves the plan is unchanged, not who wrote it: the person applying it confirms it.
/// </summary>
internal sealed class TerminalApply(IAnsiConsole console, TerminalQuestions questions, PlanReplay replay, PlanService planning, TaskManager tasks, IPlanStore plans)
{
    public async Task<int> RunAsync(string file, CancellationToken interrupt)
    {
        if (Read(file) is not { } exported)
        {
            return TerminalWizard.ExitNotCompleted;
        }

        console.MarkupLineInterpolated($"Plan {exported.Id} ({exported.Title}) on registry '{exported.Registry}', exported with hash {exported.Hash}: planning it again.");
        PlanReplayResult replayed;
        try
        {
            replayed = await ToolErrors.GuardAsync(exported.Registry, () => replay.ReplayAsync(exported, interrupt));
        }
        catch (McpException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/] Nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }

        if (replayed.Replanned is not { } replanned)
        {
            console.MarkupLineInterpolated($"[red]The plan's answers no longer make a plan: {replayed.Problem}[/] Nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }

        var plan = await planning.SaveAsync(replanned, interrupt);
        var view = new PlanView(console, plans);
        view.Show(plan);
        if (!replayed.Matches)
        {
            console.MarkupLineInterpolated(
                $"[red bold]The registry now gives a different plan[/] (above, saved as {plan.Id}): the exported plan {exported.Id} was not run. Review the new plan and confirm it with the wizard or confirm_bulk_operation. Nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }

        console.MarkupLineInterpolated($"The registry still gives the exported plan (hash {exported.Hash}); the run is {plan.Id}.");
        return await ConfirmAndRunAsync(plan, interrupt);
    }

    /// <summary>The wizard's own confirmation: the dry run a destructive plan needs, then its question, then the run.</summary>
    private async Task<int> ConfirmAndRunAsync(OperationPlan plan, CancellationToken interrupt)
    {
        var state = new ConversationState { Plan = plan, ConfirmedBy = RunRequest.TerminalConfirmed };
        if (plan.IsDestructive)
        {
            var dryRun = await planning.DryRunToEndAsync(plan, state.ConfirmedBy, interrupt);
            state.DryRunSummary = dryRun.Result?.Summary ?? dryRun.Message;
            console.MarkupLineInterpolated($"[bold]Dry run:[/] {state.DryRunSummary}");
        }

        var question = PlanStageQuestions.Confirm(plan, state);
        if (await questions.AskAsync(question, PlanStageQuestions.ConfirmPrompt(plan), interrupt) is not { } answers
            || answers[PlanStageQuestions.Decision]?.GetValue<string>() is PlanStageQuestions.Cancel or PlanStageQuestions.DryRun)
        {
            console.MarkupLine("[yellow]cancelled[/]: nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }

        var confirmation = plan.IsDestructive ? answers[PlanStageQuestions.Confirmation]?.GetValue<string>() : PlanApprovals.Accept;
        PlanRun run;
        try
        {
            run = await ToolErrors.GuardAsync(plan.Registry, () => planning.RunAsync(plan, new RunRequest(false, confirmation, state.ConfirmedBy, 0), null, interrupt));
        }
        catch (McpException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/] Nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }

        if (run.Task is not { } task)
        {
            console.MarkupLineInterpolated($"[red]{run.Refusal}[/] Nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }

        console.MarkupLineInterpolated($"Running task {task.Id} ({plan.Changes.Count} item(s)); Ctrl+C stops it safely.");
        await new TaskProgressView(console, tasks).FollowAsync(task, interrupt);
        RunReport.Task(console, task);
        return task.Status == BulkTaskStatus.Completed ? TerminalWizard.ExitCompleted : TerminalWizard.ExitNotCompleted;
    }

    /// <summary>The exported plan, when the file is one and its plan still hashes to the hash it names; otherwise says why and gives null.</summary>
    private OperationPlan? Read(string file)
    {
        OperationPlan plan;
        string? named;
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(file));
            named = node?["plan_hash"]?.GetValue<string>();
            plan = node?["plan"] is JsonObject stored
                ? PlanJson.Deserialize(stored.ToJsonString())
                : throw new JsonException("it has no \"plan\": only the JSON file export_plan writes can be applied, not its page.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            console.MarkupLineInterpolated($"[red]{file}: not an exported plan: {e.Message}[/] Nothing was changed.");
            return null;
        }

        var hash = PlanJson.HashOf(plan);
        if (!string.Equals(hash, named, StringComparison.Ordinal) || !string.Equals(hash, plan.Hash, StringComparison.Ordinal))
        {
            console.MarkupLineInterpolated($"[red]{file}: the plan in the file does not hash to its plan_hash {named}: it was edited after export, so it is not applied.[/] Nothing was changed.");
            return null;
        }

        return plan;
    }
}
