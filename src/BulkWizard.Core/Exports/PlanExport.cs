using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Exports;

/// <summary>
/// A plan as a file for a change ticket: what a person reviews (each change with before and after, the skipped subjects,
/// warnings, estimate) and what planning needs again (operation type, registry, answers, run settings, created time),
/// with <see cref="Plan"/>, the plan exactly as stored, whose SHA-256 is <see cref="PlanHash"/>. The hash proves that the
/// plan is unchanged since it was made; it does not prove who made it or who exported it.
/// </summary>
public sealed record PlanExport
{
    public const string CurrentFormat = "bulkwizard-plan-export/1";

    public const string HashMeaning =
        "plan_hash is the SHA-256 of the plan (PlanJson.HashOf over `plan` without its id and hash): it proves the plan is unchanged since it was made, not who made or exported it.";

    public string Format { get; init; } = CurrentFormat;

    public required string PlanId { get; init; }

    public required string PlanHash { get; init; }

    public string HashProves { get; init; } = HashMeaning;

    public required string OperationType { get; init; }

    public required string Title { get; init; }

    public required string Registry { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExportedAt { get; init; }

    public required bool Destructive { get; init; }

    /// <summary>The wizard answers the plan was made from: with the operation type and registry, enough to plan again.</summary>
    public required JsonObject Answers { get; init; }

    public required BulkOperationConfig Config { get; init; }

    public required IReadOnlyList<ExportedChange> Changes { get; init; }

    public required IReadOnlyList<SkippedSubject> Skipped { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required PlanEstimate Estimate { get; init; }

    /// <summary>The plan as the plan store keeps it (<see cref="PlanJson"/>); null in the copy embedded in the review page.</summary>
    public JsonObject? Plan { get; init; }

    public static PlanExport Of(OperationPlan plan, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var stored = JsonSerializer.SerializeToNode(plan, PlanJson.Options)!.AsObject();
        var kinds = stored["changes"]!.AsArray();
        return new PlanExport
        {
            PlanId = plan.Id,
            PlanHash = plan.Hash,
            OperationType = plan.OperationType,
            Title = plan.Title,
            Registry = plan.Registry,
            CreatedAt = plan.CreatedAt,
            ExportedAt = exportedAt,
            Destructive = plan.IsDestructive,
            Answers = plan.Answers.DeepClone().AsObject(),
            Config = plan.Config,
            Changes = [.. plan.Changes.Select((c, i) => new ExportedChange(
                i, kinds[i]!["kind"]!.GetValue<string>(), c.Subject, c.Registry, c.Describe(), c.IsDestructive, c.Before?.DeepClone(), c.After?.DeepClone()))],
            Skipped = plan.Skipped,
            Warnings = plan.Warnings,
            Estimate = plan.Estimate,
            Plan = stored,
        };
    }
}
