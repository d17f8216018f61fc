using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>What differs between the 8.x, community and 7.6 profiles on the wire.</summary>
public sealed class ProfileDifferenceTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    [Theory]
    [InlineData(SandboxProfile.Platform8, "8.1.2")]
    [InlineData(SandboxProfile.Community, "8.1.2")]
    [InlineData(SandboxProfile.Platform76, "7.6.1")]
    public async Task MetadataVersion_ReportsTheProfilesRelease(SandboxProfile profile, string version)
    {
        var response = await sandboxes.Client(profile).GetAsync("v1/metadata/version");

        Assert.Equal(version, response.Str("version"));
        Assert.Equal("{}", (await sandboxes.Client(profile).GetAsync("")).Text);
    }

    [Fact]
    public async Task Platform8_VersionResponse_HasSchemaTypeGuidTsAndDeleted_RegisterEchoesSchema()
    {
        var client = sandboxes.Client(SandboxProfile.Platform8);
        var subject = Some.Subject("p8");
        var register = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("p8")) });

        var version = (await client.GetAsync($"subjects/{subject}/versions/1")).Json!.AsObject();
        var byId = (await client.GetAsync($"schemas/ids/{register.Number("id")}?subject={subject}")).Json!.AsObject();
        var byGuid = await client.GetAsync($"schemas/guids/{version["guid"]!.GetValue<string>()}");

        Assert.Equal("AVRO", version["schemaType"]!.GetValue<string>());
        Assert.False(version["deleted"]!.GetValue<bool>());
        Assert.True(version["ts"]!.GetValue<long>() > 0);
        Assert.Equal(1, register.Number("version"));
        Assert.Equal(version["guid"]!.GetValue<string>(), register.Str("guid"));
        Assert.Equal(subject, byId["subject"]!.GetValue<string>());
        Assert.Equal(200, byGuid.Code);
        Assert.False(version.ContainsKey("references"), "empty members are omitted");
    }

    [Fact]
    public async Task Platform76_VersionResponse_OmitsAvroSchemaTypeGuidTsAndDeleted_RegisterAnswersIdOnly()
    {
        var client = sandboxes.Client(SandboxProfile.Platform76);
        var subject = Some.Subject("p76");
        var register = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("p76")) });
        var json = await client.PostAsync($"subjects/{Some.Subject("p76json")}/versions",
            new JsonObject { ["schema"] = "{\"type\":\"object\"}", ["schemaType"] = "JSON" });

        var version = (await client.GetAsync($"subjects/{subject}/versions/1")).Json!.AsObject();

        Assert.Equal(["id"], register.Json!.AsObject().Select(p => p.Key));
        Assert.False(version.ContainsKey("schemaType"));
        Assert.False(version.ContainsKey("guid"));
        Assert.False(version.ContainsKey("ts"));
        Assert.False(version.ContainsKey("deleted"));
        Assert.Equal("JSON", (await client.GetAsync($"schemas/ids/{json.Number("id")}")).Str("schemaType"));
        Assert.Equal(404, (await client.GetAsync("schemas/guids/00000000-0000-0000-0000-000000000000")).ErrorCode);
    }

    [Theory]
    [InlineData(SandboxProfile.Platform8)]
    [InlineData(SandboxProfile.Platform76)]
    public async Task Schema_IsReturnedInCanonicalForm_AndBareWithSchemaSuffix(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("canon");
        const string pretty = "{ \"fields\": [ {\"type\": \"string\", \"name\": \"a\"} ], \"name\": \"Canon\", \"type\": \"record\" }";
        var id = await client.RegisterAsync(subject, pretty);

        var bare = await client.GetAsync($"subjects/{subject}/versions/1/schema");
        var bareById = await client.GetAsync($"schemas/ids/{id}/schema");
        var lookup = await client.PostAsync($"subjects/{subject}", new JsonObject { ["schema"] = "{\"type\":\"record\",\"name\":\"Canon\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}" });

        const string canonical = "{\"type\":\"record\",\"name\":\"Canon\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        Assert.Equal(canonical, bare.Text);
        Assert.Equal(canonical, bareById.Text);
        Assert.Equal(id, lookup.Number("id"));
    }
}
