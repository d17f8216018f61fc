using System.Text.Json.Nodes;

namespace BulkWizard.Core.Plans;

/// <summary>
/// The exact ordered changes an operation will make, what it skips and why, its warnings and estimate.
/// Identified by <see cref="Id"/> and sealed by <see cref="Hash"/> (over everything but the two), so a
/// confirmation names exactly what it approves.
/// </summary>
public sealed record OperationPlan
{
    public required string Id { get; init; }

    public string Hash { get; init; } = "";

    public required string OperationType { get; init; }

    /// <summary>A human title, e.g. "Set compatibility FULL on test-*".</summary>
    public required string Title { get; init; }

    public required string Registry { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The wizard answers the plan was made from.</summary>
    public required JsonObject Answers { get; init; }

    public required BulkOperationConfig Config { get; init; }

    public required IReadOnlyList<PlannedChange> Changes { get; init; }

    public IReadOnlyList<SkippedSubject> Skipped { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required PlanEstimate Estimate { get; init; }

    public bool IsDestructive => Changes.Any(c => c.IsDestructive);

    /// <summary>
    /// The run's backup is kept as an archive (<c>ar_…</c> under <c>archives/</c>): a version archival, whose backup of
    /// the versions it deletes is the archive itself, listed and restored like any backup.
    /// </summary>
    public bool KeepsArchive { get; init; }
}
