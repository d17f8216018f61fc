using BulkWizard.Core.Plans;

namespace BulkWizard.Server.Wizard;

/// <summary>Answers and run settings given up front to a wizard or planning tool; only what is missing is asked.</summary>
public sealed record WizardStartArguments
{
    public string? OperationType { get; init; }

    public string? Pattern { get; init; }

    public IReadOnlyList<string>? Subjects { get; init; }

    public bool? IncludeDeleted { get; init; }

    public string? UpdateType { get; init; }

    public string? Compatibility { get; init; }

    public bool? DryRun { get; init; }

    public int WaitSeconds { get; init; } = Execution.ExecutionLauncher.DefaultWaitSeconds;

    public BulkOperationConfig Config { get; init; } = new();
}
