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

    /// <summary>The answers of a schema update given up front: level, convention or metadata change.</summary>
    public SchemaUpdateArguments SchemaUpdate { get; init; } = new();

    public bool? DryRun { get; init; }

    public int WaitSeconds { get; init; } = Execution.ExecutionLauncher.DefaultWaitSeconds;

    public BulkOperationConfig Config { get; init; } = new();
}
