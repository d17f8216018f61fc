using System.Text.Json.Nodes;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.Tests.SchemaUpdate.Metadata.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Metadata;

public sealed class MetadataEditTests
{
    [Theory]
    [InlineData("empty", "metadata: nothing to change")]
    [InlineData("blank key", "set_properties: a property key is empty.")]
    [InlineData("reserved", "set_properties: 'confluent:version' is reserved")]
    [InlineData("set and remove", "remove_properties: 'owner' is also in set_properties")]
    [InlineData("no tags", "set_tags.$.f0: give at least one tag")]
    [InlineData("blank tag", "add_tags.$.f0: a tag name is empty.")]
    [InlineData("add and set", "add_tags: '$.f0' is also in set_tags")]
    [InlineData("set and clear", "remove_tags: '$.f0' is also in set_tags")]
    [InlineData("null member", "remove_tags: give a list or map")]
    public void Validate_BadEdit_NamesTheField(string problem, string expected)
    {
        var edit = problem switch
        {
            "empty" => new MetadataEdit(),
            "blank key" => new MetadataEdit { SetProperties = new Dictionary<string, string> { [" "] = "x" } },
            "reserved" => new MetadataEdit { SetProperties = new Dictionary<string, string> { ["confluent:version"] = "3" } },
            "set and remove" => new MetadataEdit { SetProperties = new Dictionary<string, string> { ["owner"] = "a" }, RemoveProperties = ["owner"] },
            "no tags" => new MetadataEdit { SetTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = [] } },
            "blank tag" => new MetadataEdit { AddTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = ["PII", ""] } },
            "add and set" => new MetadataEdit
            {
                AddTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = ["A"] },
                SetTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = ["B"] },
            },
            "null member" => new MetadataEdit { RemoveTags = null! },
            _ => new MetadataEdit { SetTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = ["A"] }, RemoveTags = ["$.f0"] },
        };

        Assert.StartsWith(expected, edit.Validate(), StringComparison.Ordinal);
        Assert.NotNull(MetadataRequest.LatestVersions(edit).Validate());
    }

    [Fact]
    public void ApplyTo_EditsPropertiesAndTags_KeepsTheRestInRegistryShape()
    {
        var metadata = JsonNode.Parse("""
            {"properties":{"legacy":"yes","owner":"x"},"tags":{"$.f0":["A"],"$.old":["X"]},"sensitive":["s"]}
            """)!.AsObject();
        var edit = new MetadataEdit
        {
            SetProperties = new Dictionary<string, string> { ["owner"] = "team-a", ["team"] = "core" },
            RemoveProperties = ["legacy"],
            AddTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f0"] = ["PII", "A"] },
            SetTags = new Dictionary<string, IReadOnlyList<string>> { ["$.f1"] = ["B"] },
            RemoveTags = ["$.old"],
        };

        Assert.Null(edit.Validate());
        var edited = edit.ApplyTo(metadata);

        Assert.Equal(
            """{"tags":{"$.f0":["A","PII"],"$.f1":["B"]},"properties":{"owner":"team-a","team":"core"},"sensitive":["s"]}""",
            edited!.ToJsonString());
        Assert.Equal("owner=team-a, team=core, remove legacy, tags $.f0 + [PII, A], tags $.f1 = [B], remove tags $.old", edit.Describe());
    }

    [Fact]
    public void ApplyTo_RemovingTheLastKey_LeavesNoMetadata()
    {
        var edit = new MetadataEdit { RemoveProperties = ["owner"] };

        Assert.Null(edit.ApplyTo(MetadataSandbox.Properties(("owner", "x"))));
    }

    [Fact]
    public void Defeated_KeysSetByConfig_NameTheKeyAndTheConfig()
    {
        var defaults = MetadataDefaults.From(
            JsonNode.Parse("""{"defaultMetadata":{"properties":{"team":"core"}},"overrideMetadata":{"properties":{"owner":"platform"}}}""")!.AsObject(),
            "subject config");
        var edit = new MetadataEdit { SetProperties = new Dictionary<string, string> { ["owner"] = "team-a" }, RemoveProperties = ["team", "legacy"] };
        var sent = edit.ApplyTo(JsonNode.Parse("""{"properties":{"team":"core","owner":"platform","legacy":"yes"}}""")!.AsObject());

        var registered = RegistryMetadata.Registered(sent, defaults);

        Assert.Equal("""{"properties":{"owner":"platform","team":"core"}}""", registered!.ToJsonString());
        Assert.Equal(
            [
                "owner=team-a (not changeable: stays platform by overrideMetadata of the subject config)",
                "team (not removable: set by defaultMetadata of the subject config)",
            ],
            edit.Defeated(sent, registered, defaults));
    }
}
