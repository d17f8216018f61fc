using System.Text.Json.Nodes;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.SchemaUpdate.Metadata.Support;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Metadata;

/// <summary>New versions with edited metadata, planned and run against the Sandbox over HTTP with the production gateway.</summary>
public sealed class MetadataVersionTests
{
    private static readonly string[] Subjects = ["test-a", "test-b", "test-c"];

    [Fact]
    public async Task Execute_AddChangeAndRemoveProperties_CreatesNewVersionsAndIdsAndKeepsTheOldOnes()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var oldIds = new Dictionary<string, int>();
        foreach (var subject in Subjects)
        {
            oldIds[subject] = await harness.RegisterAsync(subject, MetadataSandbox.Properties(("owner", "x"), ("legacy", "yes")));
        }

        var edit = new MetadataEdit { SetProperties = new Dictionary<string, string> { ["owner"] = "team-a", ["team"] = "core" }, RemoveProperties = ["legacy"] };
        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(edit), Subjects);

        Assert.Equal("Set metadata owner=team-a, team=core, remove legacy on test-*", plan.Title);
        Assert.Equal(MetadataPlanner.OperationType, plan.OperationType);
        Assert.False(plan.IsDestructive);
        Assert.Equal(Subjects, plan.Changes.Select(c => c.Subject));
        Assert.All(plan.Changes, c => Assert.IsType<MetadataVersionChange>(c));
        Assert.Empty(plan.Skipped);
        Assert.StartsWith("Creates 3 new version(s) and 3 new schema id(s); producers using the latest version pick them up.", plan.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(
            """test-a: version 1 (id 1) → new version 2, metadata {"properties":{"legacy":"yes","owner":"x"}} → {"properties":{"owner":"team-a","team":"core"}}""",
            plan.Changes[0].Describe());

        var dryRun = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(), dryRun: true), CancellationToken.None);
        Assert.Equal(3, dryRun.WouldApply);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(canary: true, maxParallel: 2)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Completed, result.TaskStatus);
        Assert.Equal(3, result.Applied);
        var newIds = new HashSet<int>();
        foreach (var subject in Subjects)
        {
            Assert.Equal([1, 2], await harness.VersionsAsync(subject));
            var old = await harness.VersionAsync(subject, 1);
            Assert.Equal(oldIds[subject], old.Id);
            Assert.Equal("x", old.Property("owner"));
            Assert.Equal("yes", old.Property("legacy"));

            var latest = await harness.VersionAsync(subject, VersionSelector.Latest);
            Assert.Equal(2, latest.Version);
            Assert.Equal(old.Schema, latest.Schema);
            Assert.Equal("""{"properties":{"owner":"team-a","team":"core"}}""", latest.Metadata!.ToJsonString());
            Assert.DoesNotContain(latest.Id, oldIds.Values);
            newIds.Add(latest.Id);
        }

        Assert.Equal(3, newIds.Count);
        var journal = await ExecutionJournalReader.ReadAsync(result.JournalPath!, CancellationToken.None);
        Assert.Contains(journal.Entries.OfType<VersionCreatedEntry>(), c => c is { Subject: "test-a", Version: 2, Registry: null } && newIds.Contains(c.Id));

        var again = await harness.PlanAsync(MetadataRequest.LatestVersions(edit), Subjects);
        Assert.Empty(again.Changes);
        Assert.All(again.Skipped, s => Assert.Equal("metadata already as asked", s.Reason));
    }

    [Fact]
    public async Task Execute_Tags_AddsReplacesAndClearsPaths_SubjectsSharingASchemaShareTheNewId()
    {
        await using var harness = await SandboxHarness.StartAsync();
        var tags = JsonNode.Parse("""{"tags":{"$.f0":["A"],"$.old":["X"]}}""")!.AsObject();
        var shared = await harness.RegisterAsync("test-a", tags, record: "Shared");
        Assert.Equal(shared, await harness.RegisterAsync("test-b", tags, record: "Shared"));
        var edit = new MetadataEdit
        {
            AddTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = ["PII"] },
            SetTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f1"] = ["B"] },
            RemoveTags = ["$.old"],
        };

        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(edit), "test-a", "test-b");
        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.StartsWith("Creates 2 new version(s) and 1 new schema id(s) (subjects with the same schema and metadata in a context share one)", plan.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(2, result.Applied);
        var a = await harness.VersionAsync("test-a", VersionSelector.Latest);
        var b = await harness.VersionAsync("test-b", VersionSelector.Latest);
        Assert.Equal("""{"tags":{"$.f0":["A","PII"],"$.f1":["B"]}}""", a.Metadata!.ToJsonString());
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(shared, a.Id);
        Assert.Equal(2, b.Version);
    }

    [Fact]
    public async Task Plan_KeysSetBySubjectConfig_AreReportedAsNotRemovable()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.PutConfigAsync("test-a", JsonNode.Parse("""{"overrideMetadata":{"properties":{"owner":"platform"}}}""")!.AsObject());
        await harness.PutConfigAsync("test-b", JsonNode.Parse("""{"compatibility":"NONE","defaultMetadata":{"properties":{"team":"core"}}}""")!.AsObject());
        await harness.RegisterAsync("test-a", null);
        await harness.RegisterAsync("test-b", MetadataSandbox.Properties(("legacy", "yes"), ("note", "n")));
        Assert.Equal("platform", (await harness.VersionAsync("test-a", 1)).Property("owner"));
        Assert.Equal("core", (await harness.VersionAsync("test-b", 1)).Property("team"));
        var edit = new MetadataEdit { RemoveProperties = ["owner", "team", "legacy"] };

        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(edit), "test-a", "test-b");

        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("test-a", skipped.Subject);
        Assert.Equal("nothing the registry would keep: owner (not removable: set by overrideMetadata of the subject config)", skipped.Reason);
        var change = Assert.IsType<MetadataVersionChange>(Assert.Single(plan.Changes));
        Assert.Equal("test-b", change.Subject);
        Assert.Equal("""{"properties":{"note":"n","team":"core"}}""", change.ExpectedMetadata!.ToJsonString());
        Assert.Contains("test-b: kept by its config: team (not removable: set by defaultMetadata of the subject config).", plan.Warnings);

        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.True(result.TaskStatus == BulkTaskStatus.Completed, result.Error);
        var latest = await harness.VersionAsync("test-b", VersionSelector.Latest);
        Assert.Equal(2, latest.Version);
        Assert.Equal("""{"properties":{"note":"n","team":"core"}}""", latest.Metadata!.ToJsonString());
    }

    [Fact]
    public async Task Plan_ContextDefaults_ApplyToSubjectsWithoutTheirOwnConfig()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.Gateway.PutConfigAsync(RegistryScope.ForContext(".team"),
            new RegistryConfig(JsonNode.Parse("""{"overrideMetadata":{"properties":{"domain":"payments"}}}""")!.AsObject()), CancellationToken.None);
        await harness.RegisterAsync(":.team:orders", MetadataSandbox.Properties(("legacy", "yes"), ("keep", "k")));
        var edit = new MetadataEdit { RemoveProperties = ["domain", "legacy"] };

        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(edit), ":.team:orders");
        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Contains(":.team:orders: kept by its config: domain (not removable: set by overrideMetadata of the context .team config).", plan.Warnings);
        Assert.True(result.Applied == 1, result.Error);
        Assert.Equal("""{"properties":{"domain":"payments","keep":"k"}}""", (await harness.VersionAsync(":.team:orders", VersionSelector.Latest)).Metadata!.ToJsonString());
    }

    [Fact]
    public async Task Plan_SkipsSubjectsWithoutLiveVersionsReadOnlyOrWhoseOlderVersionHoldsTheResult()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterAsync("test-a", null);
        await harness.Gateway.DeleteVersionAsync(QualifiedSubject.Parse("test-a"), 1, DeleteKind.Soft, CancellationToken.None);
        await harness.RegisterAsync("test-b", null);
        await harness.SetModeAsync("test-b", RegistryMode.ReadOnly);
        await harness.RegisterAsync("test-c", MetadataSandbox.Properties(("owner", "team-a")));
        await harness.RegisterAsync("test-c", MetadataSandbox.Properties(("owner", "x")));
        await harness.RegisterAsync("test-d", MetadataSandbox.Properties(("owner", "team-a")));
        var edit = new MetadataEdit { SetProperties = new Dictionary<string, string> { ["owner"] = "team-a" } };

        var plan = await harness.PlanAsync(MetadataRequest.LatestVersions(edit), "test-a", "test-b", "test-c", "test-d");

        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Warnings);
        Assert.Equal(
            [
                ("test-a", "no live version"),
                ("test-b", "mode READONLY (subject)"),
                ("test-c", "version 1 (id 3) already holds this schema with this metadata: the registry would answer with it instead of a new version"),
                ("test-d", "metadata already as asked"),
            ],
            plan.Skipped.Select(s => (s.Subject, s.Reason)));
    }
}
