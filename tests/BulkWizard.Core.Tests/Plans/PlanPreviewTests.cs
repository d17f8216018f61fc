using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Tests.Plans;

public sealed class PlanPreviewTests
{
    private static OperationPlan Plan(int changes, int warnings, int skipped)
    {
        var longName = new string('x', 400);
        return PlanIdentity.Seal(new OperationPlan
        {
            Id = "plan_0123456789abcdef",
            OperationType = "schema_update",
            Title = "Set compatibility FULL on :*:*",
            Registry = "prod",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Answers = [],
            Config = new BulkOperationConfig(),
            Changes = [.. Enumerable.Range(0, changes).Select(i => (PlannedChange)new SubjectConfigChange(
                $":.ctx{i % 50}:{longName}-{i}", null, new JsonObject { ["compatibility"] = "FULL" }, "inherited from global: BACKWARD", "FULL"))],
            Skipped = [.. Enumerable.Range(0, skipped).Select(i => new SkippedSubject($"{longName}-{i}", "mode READONLY (subject)"))],
            Warnings = [.. Enumerable.Range(0, warnings).Select(i => $"warning {i}: {longName}")],
            Estimate = PlanEstimate.For(changes, new BulkOperationConfig(), 2.5),
        });
    }

    [Fact]
    public void Render_TenThousandChangesWithLongNames_StaysUnder4KB()
    {
        var preview = PlanPreview.Render(Plan(10_000, warnings: 40, skipped: 500), pageSize: 50);

        Assert.True(preview.Length < 4096, $"{preview.Length} characters");
        Assert.Contains("… and 9990 more (get_bulk_plan pages of 50).", preview, StringComparison.Ordinal);
        Assert.Contains("Warnings (40):", preview, StringComparison.Ordinal);
        Assert.Contains("Skipped (500):", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_IsTheSeedQuestionWithTheChangeCount()
    {
        Assert.Equal(WizardTexts.Get("preview", 47), PlanPreview.Headline(Plan(47, 0, 0)));
        Assert.Equal("This operation will affect 47 schemas. View details?", PlanPreview.Headline(Plan(47, 0, 0)));
    }

    [Fact]
    public void Hash_ChangesWithAnyChangeAndIgnoresIdAndHash()
    {
        var plan = Plan(3, 1, 1);

        Assert.Equal(plan.Hash, PlanJson.HashOf(plan with { Id = "plan_ffffffffffffffff" }));
        Assert.NotEqual(plan.Hash, PlanJson.HashOf(plan with { Warnings = [] }));
        Assert.Equal(plan.Hash, PlanJson.HashOf(PlanJson.Deserialize(PlanJson.Serialize(plan))));
    }
}
