using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;

namespace BulkWizard.Server.Tests.Support;

/// <summary>
/// A sealed compatibility plan of <c>n</c> changes, half in the default context (<c>test-00000</c>…) and half in
/// <c>.staging</c>, every fifth destructive, with three skipped subjects and a warning that names one subject.
/// </summary>
public static class LargePlan
{
    public const string NamedSubject = "test-00008";

    public static IReadOnlyList<SkippedSubject> Skipped { get; } =
    [
        new("test-readonly", "mode READONLY (subject)"),
        new(":.staging:import-a", "mode IMPORT (context .staging)"),
        new("test-full", "already FULL"),
    ];

    public static OperationPlan Create(int n)
    {
        var changes = new List<PlannedChange>(n);
        for (var i = 0; i < n; i++)
        {
            var name = (i % 2 == 0 ? "test-" : ":.staging:orders-") + i.ToString("D5", CultureInfo.InvariantCulture);
            changes.Add(new SubjectConfigChange(
                name,
                new JsonObject { ["compatibilityLevel"] = "BACKWARD" },
                new JsonObject { ["compatibilityLevel"] = "FULL" },
                "BACKWARD",
                "FULL") { ReplacesLiveState = i % 5 == 0 });
        }

        var config = new BulkOperationConfig { BatchSize = 100, DelayBetweenBatches = 0.5 };
        return PlanIdentity.Seal(new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = "schema_update",
            Title = $"Set compatibility FULL on {n} subjects",
            Registry = "sandbox",
            CreatedAt = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero),
            Answers = new JsonObject { ["update_type"] = "compatibility", ["compatibility"] = "FULL", ["pattern"] = ":*:*" },
            Config = config,
            Changes = changes,
            Skipped = Skipped,
            Warnings = [$"Loosens compatibility on 1 subject(s) (e.g. {NamedSubject}: FULL_TRANSITIVE → FULL): readers may break."],
            Estimate = PlanEstimate.For(n, config, 12.5),
        });
    }
}
