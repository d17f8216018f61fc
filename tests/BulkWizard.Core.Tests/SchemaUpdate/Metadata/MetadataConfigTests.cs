using System.Text.Json.Nodes;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.SchemaUpdate.Metadata.Support;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Metadata;

/// <summary>Subject-level defaultMetadata / overrideMetadata, planned and run against the Sandbox over HTTP.</summary>
public sealed class MetadataConfigTests
{
    private static readonly MetadataEdit OwnerTeamA = new() { SetProperties = new Dictionary<string, string> { ["owner"] = "team-a" } };

    [Fact]
    public async Task Execute_DefaultMetadata_NextRegistrationOfTheUnchangedSchemaGetsThePropertiesAndANewId()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.Gateway.PutConfigAsync(RegistryScope.Global, RegistryConfig.WithCompatibility("NONE"), CancellationToken.None);
        await harness.PutConfigAsync("test-a", new JsonObject { ["compatibility"] = "FULL" });
        var oldId = await harness.RegisterAsync("test-a", null);
        await harness.RegisterAsync("test-b", null);
        await harness.RegisterAsync("test-c", null);
        await harness.SetModeAsync("test-c", RegistryMode.ReadOnly);

        var plan = await harness.PlanAsync(MetadataRequest.DefaultMetadata(OwnerTeamA), "test-a", "test-b", "test-c");

        Assert.Equal("Set defaultMetadata owner=team-a on test-*", plan.Title);
        var changes = plan.Changes.Cast<SubjectConfigChange>().ToList();
        Assert.Equal(["test-a", "test-b"], changes.Select(c => c.Subject));
        Assert.Equal("""{"compatibility":"FULL","defaultMetadata":{"properties":{"owner":"team-a"}}}""", changes[0].AfterConfig!.ToJsonString());
        Assert.Equal("""{"compatibility":"NONE","defaultMetadata":{"properties":{"owner":"team-a"}}}""", changes[1].AfterConfig!.ToJsonString());
        Assert.Equal("""test-b: defaultMetadata (none) (inherited from the global config, no subject config) → defaultMetadata {"properties":{"owner":"team-a"}}""", changes[1].Describe());
        Assert.Equal("test-c", Assert.Single(plan.Skipped).Subject);
        Assert.Contains("the next registration of each subject gets these properties and a new id, even for an unchanged schema", plan.Warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("1 subject(s) have no config of their own (e.g. test-b)", plan.Warnings[1], StringComparison.Ordinal);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);
        Assert.Equal(2, result.Applied);

        var again = await harness.RegisterAsync("test-a", null);
        var latest = await harness.VersionAsync("test-a", VersionSelector.Latest);
        Assert.NotEqual(oldId, again);
        Assert.Equal(again, latest.Id);
        Assert.Equal(2, latest.Version);
        Assert.Equal("team-a", latest.Property("owner"));
        Assert.Equal(again, await harness.RegisterAsync("test-a", null));
        Assert.Equal([1, 2], await harness.VersionsAsync("test-a"));

        var replanned = await harness.PlanAsync(MetadataRequest.DefaultMetadata(OwnerTeamA), "test-a", "test-b");
        Assert.Empty(replanned.Changes);
        Assert.All(replanned.Skipped, s => Assert.Equal("defaultMetadata already as asked", s.Reason));

        // A new version of test-b picks up the default its latest version predates, and the plan says so.
        var team = new MetadataEdit { SetProperties = new Dictionary<string, string> { ["team"] = "core" } };
        var versions = await harness.PlanAsync(MetadataRequest.LatestVersions(team), "test-b");
        Assert.Contains("test-b: also gets owner=team-a from the subject config.", versions.Warnings);
        Assert.Equal("""{"properties":{"owner":"team-a","team":"core"}}""", ((MetadataVersionChange)Assert.Single(versions.Changes)).ExpectedMetadata!.ToJsonString());
    }

    [Fact]
    public async Task Rollback_OverrideMetadata_PutsBackTheExactConfigBodies()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var bodyA = JsonNode.Parse("""{"compatibility":"FULL","normalize":true,"overrideMetadata":{"properties":{"x":"1"}}}""")!.AsObject();
        await harness.PutConfigAsync("test-a", bodyA);
        await harness.PutConfigAsync("test-b", new JsonObject { ["compatibility"] = "BACKWARD" });
        foreach (var subject in new[] { "test-a", "test-b", "test-c" })
        {
            await harness.RegisterAsync(subject, null);
        }

        var plan = await harness.PlanAsync(MetadataRequest.OverrideMetadata(OwnerTeamA), "test-a", "test-b", "test-c");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"compatibility":"FULL","normalize":true,"overrideMetadata":{"properties":{"owner":"team-a","x":"1"}}}"""),
            ((SubjectConfigChange)plan.Changes[0]).AfterConfig));
        await harness.PutConfigAsync("test-c", new JsonObject { ["compatibility"] = "NONE" });
        var before = await RegistrySnapshot.ReadAsync(harness.Gateway);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.Undone, ItemOutcome.Conflict], result.Items.Select(i => i.Outcome));
        RegistrySnapshot.AssertSame(before, await RegistrySnapshot.ReadAsync(harness.Gateway));
        Assert.True(JsonNode.DeepEquals(bodyA, await harness.OwnConfigAsync("test-a")));
    }
}
