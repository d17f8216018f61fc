using System.Text.Json.Nodes;
using BulkWizard.Core.Migration.Compare;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Sandbox;
using static BulkWizard.Core.Tests.Migration.Compare.CompareHarness;

namespace BulkWizard.Core.Tests.Migration.Compare;

/// <summary>Comparisons of two Sandboxes (or two contexts of one) over HTTP: each list exactly, sorted by subject then version.</summary>
public sealed class RegistryComparerTests
{
    private static readonly SchemaReference CommonV1 = new("Common", "common", 1);

    [Fact]
    public async Task Compare_IdenticalRegistries_AllListsEmpty()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        SandboxHarness[] both = [source, target];
        await ImportIntoEachAsync(both, "common", 1, 1, Schema("Common"));
        await ImportIntoEachAsync(both, "orders-value", 1, 2, Schema("Order"), [CommonV1], Metadata("owner", "team-a"));
        await ImportIntoEachAsync(both, "orders-value", 2, 3, Schema("Order", 2), [CommonV1], Metadata("owner", "team-a"));

        var comparison = await CompareAsync(source, target, "*");

        Assert.True(comparison.Identical);
        Assert.Equal((2, 3), (comparison.SubjectsCompared, comparison.VersionsCompared));
        Assert.Equal((0, 0, 0), (comparison.Missing.Total, comparison.Extra.Total, comparison.Differing.Total));
    }

    [Fact]
    public async Task Compare_TargetLacksAVersionAndHasAnotherSubject_MissingAndExtra()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        await ImportIntoEachAsync([source, target], "orders-value", 1, 1, Schema("Order"));
        await ImportAsync(source, "orders-value", 2, 2, Schema("Order", 2));
        await ImportAsync(target, "payments-value", 1, 5, Schema("Payment"));

        var comparison = await CompareAsync(source, target, "*");

        Assert.False(comparison.Identical);
        Assert.Equal(["orders-value v2 id 2"], Lines(comparison.Missing.Items));
        Assert.Equal(["payments-value v1 id 5"], Lines(comparison.Extra.Items));
        Assert.Empty(comparison.Differing.Items);
        Assert.Equal((2, 3), (comparison.SubjectsCompared, comparison.VersionsCompared));
    }

    [Fact]
    public async Task Compare_SameSchemaUnderAnotherId_IdDiffers()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        await ImportAsync(source, "orders-value", 1, 1, Schema("Order"));
        await ImportAsync(target, "orders-value", 1, 7, Schema("Order"));

        var comparison = await CompareAsync(source, target, "*");

        Assert.Equal(["orders-value v1: Id (source id 1 v1, target id 7 v1)"], Lines(comparison.Differing.Items));
    }

    [Fact]
    public async Task Compare_MetadataDiffers_MetadataAndItsContentHash()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        await ImportAsync(source, "orders-value", 1, 1, Schema("Order"), metadata: Metadata("owner", "team-a"));
        await ImportAsync(target, "orders-value", 1, 1, Schema("Order"), metadata: Metadata("owner", "team-b"));

        var comparison = await CompareAsync(source, target, "*");

        // The guid hashes the metadata too, so it differs with it.
        Assert.Equal(["orders-value v1: Metadata, SchemaGuid (source id 1 v1, target id 1 v1)"], Lines(comparison.Differing.Items));
    }

    [Fact]
    public async Task Compare_ReferenceToAnotherVersion_ReferencesDiffer()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        SandboxHarness[] both = [source, target];
        await ImportIntoEachAsync(both, "common", 1, 1, Schema("Common"));
        await ImportIntoEachAsync(both, "common", 2, 2, Schema("Common", 2));
        await ImportAsync(source, "orders-value", 1, 3, Schema("Order"), [CommonV1]);
        await ImportAsync(target, "orders-value", 1, 3, Schema("Order"), [CommonV1 with { Version = 2 }]);

        var comparison = await CompareAsync(source, target, "*");

        // The guid differs too, as it hashes the references as written: reporting it would say nothing more.
        Assert.Equal(["orders-value v1: References (source id 3 v1, target id 3 v1)"], Lines(comparison.Differing.Items));
    }

    [Fact]
    public async Task Compare_SchemaUnderAnotherVersionNumber_VersionDiffersNeitherMissingNorExtra()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        await ImportIntoEachAsync([source, target], "orders-value", 1, 1, Schema("Order"));
        await ImportAsync(source, "orders-value", 2, 2, Schema("Order", 2));
        await ImportAsync(target, "orders-value", 3, 2, Schema("Order", 2));

        var comparison = await CompareAsync(source, target, "*");

        Assert.Equal(["orders-value v2: Version (source id 2 v2, target id 2 v3)"], Lines(comparison.Differing.Items));
        Assert.Equal((0, 0), (comparison.Missing.Total, comparison.Extra.Total));
        Assert.Equal(3, comparison.VersionsCompared);
    }

    [Fact]
    public async Task Compare_ContextMappedToAnother_SameNamesComparedAndReferencesReadInTheirOwnContext()
    {
        await using var registry = await SandboxHarness.StartAsync();
        foreach (var context in new[] { ".src", ".dst" })
        {
            await ImportAsync(registry, $":{context}:common", 1, 1, Schema("Common"));
            await ImportAsync(registry, $":{context}:orders-value", 1, 2, Schema("Order"), [CommonV1]);
            // Qualified here, unqualified above: both name the subject in the referrer's own context.
            await ImportAsync(registry, $":{context}:payments-value", 1, 3, Schema("Payment"), [new("Common", $":{context}:common", 1)]);
        }

        await ImportAsync(registry, ":.src:orders-value", 2, 4, Schema("Order", 2));
        await ImportAsync(registry, "orders-value", 1, 1, Schema("Order"));

        var comparison = await CompareAsync(registry, registry, "*", ":.src:", ".dst");

        Assert.Equal(["orders-value v2 id 4"], Lines(comparison.Missing.Items));
        Assert.Equal((0, 0), (comparison.Extra.Total, comparison.Differing.Total));
        Assert.Equal((3, 4), (comparison.SubjectsCompared, comparison.VersionsCompared));
    }

    [Fact]
    public async Task Compare_ContextQualifiedPattern_SelectsInTheSourceContextAndTheSameNamesInTheTarget()
    {
        await using var registry = await SandboxHarness.StartAsync();
        await ImportAsync(registry, ":.src:orders-value", 1, 1, Schema("Order"));
        await ImportAsync(registry, ":.src:payments-value", 1, 2, Schema("Payment"));
        await ImportAsync(registry, "payments-value", 1, 1, Schema("Payment"));

        var comparison = await CompareAsync(registry, registry, ":.src:pay*", ".src", null);

        Assert.Equal(["payments-value v1: Id (source id 2 v1, target id 1 v1)"], Lines(comparison.Differing.Items));
        Assert.Equal((1, 0, 0), (comparison.SubjectsCompared, comparison.Missing.Total, comparison.Extra.Total));
    }

    [Fact]
    public async Task Compare_PatternNamesAnotherContext_RefusedNamingThePattern()
    {
        await using var registry = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CompareAsync(registry, registry, ":.dst:orders-*", ".src", ".dst"));

        Assert.StartsWith("pattern: ':.dst:orders-*' names context .dst, but the subjects are read from context .src", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_SoftDeletedVersion_ComparedOnlyWithIncludeDeleted()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        await ImportIntoEachAsync([source, target], "orders-value", 1, 1, Schema("Order"));
        await ImportIntoEachAsync([source, target], "orders-value", 2, 2, Schema("Order", 2));
        await source.Gateway.DeleteVersionAsync(QualifiedSubject.Parse("orders-value"), VersionSelector.Of(1), DeleteKind.Soft, CancellationToken.None);

        var live = await CompareAsync(source, target, "*");
        var all = await CompareAsync(source, target, "*", includeDeleted: true);

        Assert.Equal(["orders-value v1 id 1"], Lines(live.Extra.Items));
        Assert.Equal(["orders-value v1: Deleted (source id 1 v1, target id 1 v1)"], Lines(all.Differing.Items));
        Assert.Equal(0, all.Extra.Total);
    }

    [Fact]
    public async Task Compare_Platform76_NoGuidNorDeletedFlag_ComparesWhatExists()
    {
        var profile = new SandboxOptions { SeedDemoData = false, Profile = SandboxProfile.Platform76 };
        await using var source = await SandboxHarness.StartAsync(profile);
        await using var target = await SandboxHarness.StartAsync(profile);
        await ImportAsync(source, "orders-value", 1, 1, Schema("Order"), metadata: Metadata("owner", "team-a"));
        await ImportAsync(target, "orders-value", 1, 1, Schema("Order"), metadata: Metadata("owner", "team-b"));
        await ImportIntoEachAsync([source, target], "payments-value", 1, 2, Schema("Payment"));
        await source.Gateway.DeleteVersionAsync(QualifiedSubject.Parse("payments-value"), VersionSelector.Of(1), DeleteKind.Soft, CancellationToken.None);

        var comparison = await CompareAsync(source, target, "*", includeDeleted: true);

        // 7.6 lists soft-deleted versions without saying so: payments-value looks the same on both sides.
        Assert.Equal(["orders-value v1: Metadata (source id 1 v1, target id 1 v1)"], Lines(comparison.Differing.Items));
        Assert.Equal((0, 0), (comparison.Missing.Total, comparison.Extra.Total));
    }

    [Fact]
    public async Task Compare_MoreThanTheLimit_TotalsCountAllItemsAreTheFirstBySubjectThenVersion()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        await ImportAsync(source, "b-value", 1, 1, Schema("B"));
        await ImportAsync(source, "a-value", 2, 2, Schema("A", 2));
        await ImportAsync(source, "a-value", 1, 3, Schema("A"));

        var comparison = await CompareAsync(source, target, "*", limit: 2);

        Assert.Equal(3, comparison.Missing.Total);
        Assert.Equal(["a-value v1 id 3", "a-value v2 id 2"], Lines(comparison.Missing.Items));
    }

    [Fact]
    public async Task Compare_ManySubjects_EachSideReadWithTheSchemaListingOnly()
    {
        await using var source = await SandboxHarness.StartAsync();
        await using var target = await SandboxHarness.StartAsync();
        for (var i = 1; i <= 30; i++)
        {
            await ImportIntoEachAsync([source, target], $"s{i:D2}-value", 1, i, Schema($"S{i}"));
        }

        source.Sandbox.Requests.Reset();
        target.Sandbox.Requests.Reset();

        var comparison = await CompareAsync(source, target, "*");

        Assert.True(comparison.Identical);
        Assert.Equal((30, 30), (comparison.SubjectsCompared, comparison.VersionsCompared));
        Assert.Equal(["GET /schemas"], source.Sandbox.Requests.Snapshot().Keys);
        Assert.Equal(["GET /schemas"], target.Sandbox.Requests.Snapshot().Keys);
        // One page, then the empty page that ends the listing: a short page does not, a registry may cap pages lower.
        Assert.Equal((2, 2), (source.Sandbox.Requests.Get("GET /schemas"), target.Sandbox.Requests.Get("GET /schemas")));
    }

    private static JsonObject Metadata(string key, string value) => new() { ["properties"] = new JsonObject { [key] = value } };
}
