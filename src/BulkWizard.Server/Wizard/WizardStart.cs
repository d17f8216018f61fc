using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// What a wizard or planning tool gives up front: the operation type, the selection, the operation's own arguments
/// (typed, from a planning tool, or as <c>start_bulk_wizard</c>'s <c>answers</c> object), how the plan will run,
/// and whether to stop after a dry run. Only what is missing is asked.
/// </summary>
public sealed record WizardStart
{
    public string? OperationType { get; init; }

    public SelectionArguments Selection { get; init; } = new();

    /// <summary>A planning tool's typed arguments; their operation type is the wizard's.</summary>
    public IOperationArguments? Arguments { get; init; }

    /// <summary><c>start_bulk_wizard</c>'s <c>{argument: value}</c> answers, read by the chosen operation's arguments record.</summary>
    public JsonObject? Answers { get; init; }

    /// <summary>A template's answers saved from a plan, by question field: proposed last, so anything given above wins.</summary>
    public JsonObject? TemplateAnswers { get; init; }

    public RunSettings Run { get; init; } = new();

    public bool DryRunOnly { get; init; }

    public int WaitSeconds { get; init; } = Execution.ExecutionLauncher.DefaultWaitSeconds;
}
