using System.Text.Json.Nodes;
using BulkWizard.Core.Exports;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Tests.Exports;

public sealed class PlanExportTests
{
    [Fact]
    public async Task WriteAsync_Plan_JsonReHashesToThePlanHashAndThePageGetsThePlanWithoutTheStoredCopy()
    {
        var plan = PlanIdentity.Seal(new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = "schema_update",
            Title = "Set compatibility FULL on <test-*>",
            Registry = "lab",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Answers = new JsonObject { ["compatibility"] = "FULL" },
            Config = new BulkOperationConfig(),
            Changes = [new SubjectConfigChange("test-a", null, new JsonObject { ["compatibilityLevel"] = "FULL" }, "inherited from global: BACKWARD", "FULL")],
            Estimate = PlanEstimate.For(1, new BulkOperationConfig(), 1),
        });
        var root = Directory.CreateTempSubdirectory("bulkwizard-export-").FullName;
        string? embedded = null;
        try
        {
            var files = await new PlanExportWriter(new DataDirectory(root), TimeProvider.System, json => embedded = json).WriteAsync(plan, CancellationToken.None);

            var export = JsonNode.Parse(await File.ReadAllTextAsync(files.JsonPath))!;
            Assert.Equal(Path.Combine(root, "exports", plan.Id + ".json"), files.JsonPath);
            Assert.Equal(plan.Hash, PlanJson.HashOf(PlanJson.Deserialize(export["plan"]!.ToJsonString())));
            Assert.Equal(("subject_config", "test-a: inherited from global: BACKWARD → FULL"), (export["changes"]![0]!["kind"]!.GetValue<string>(), export["changes"]![0]!["description"]!.GetValue<string>()));
            Assert.Null(export["changes"]![0]!["before"]);
            Assert.NotNull(embedded);
            Assert.DoesNotContain("<", embedded, StringComparison.Ordinal);
            Assert.Null(JsonNode.Parse(embedded)!["plan"]);
            Assert.Equal(plan.Title, JsonNode.Parse(embedded)!["title"]!.GetValue<string>());
            Assert.Equal(embedded, await File.ReadAllTextAsync(files.HtmlPath));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
