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

    /// <summary>A naming convention as one value: <c>kebab_case</c>, <c>prefix:team-</c>, <c>context:.staging</c>.</summary>
    public string? Convention { get; init; }

    public string? MetadataTarget { get; init; }

    public string? MetadataAction { get; init; }

    public string? MetadataKey { get; init; }

    public string? MetadataValue { get; init; }

    public bool? DryRun { get; init; }

    public int WaitSeconds { get; init; } = Execution.ExecutionLauncher.DefaultWaitSeconds;

    public BulkOperationConfig Config { get; init; } = new();
}
