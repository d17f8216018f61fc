using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Section 13, items 1-5: ids, identity, re-registration, fast path, ids outside IMPORT.</summary>
public sealed class IdentitySemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item01_IdsArePerContext_FirstIdInNewContextIsOne_SameTextSameIdOnlyWithinContext(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctxA = Some.Context("ida");
        var ctxB = Some.Context("idb");
        var schema = Schemas.Simple(Some.RecordName("item1"));

        var inA1 = await client.RegisterAsync($":{ctxA}:first", schema);
        var inA2 = await client.RegisterAsync($":{ctxA}:second", schema);
        var otherInA = await client.RegisterAsync($":{ctxA}:third", Schemas.Simple(Some.RecordName("item1b")));
        var inB = await client.RegisterAsync($":{ctxB}:first", Schemas.Simple(Some.RecordName("item1c")));
        var sameInB = await client.RegisterAsync($":{ctxB}:second", schema);

        Assert.Equal(1, inA1);
        Assert.Equal(1, inA2);
        Assert.Equal(2, otherInA);
        Assert.Equal(1, inB);
        Assert.Equal(2, sameInB);
        var byIdInB = await client.GetAsync($"schemas/ids/2?subject=:{ctxB}:");
        Assert.Equal(schema.Replace(" ", string.Empty, StringComparison.Ordinal), byIdInB.Str("schema"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item02_MetadataIsPartOfIdentity_SameTextWithMetadataGetsNewId(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item2");
        var schema = Schemas.Simple(Some.RecordName("item2"));
        var plain = await client.RegisterAsync(subject, schema);

        var withMetadata = await client.RegisterAsync(subject, schema,
            new JsonObject { ["metadata"] = new JsonObject { ["properties"] = new JsonObject { ["owner"] = "team-a" } } });

        Assert.NotEqual(plain, withMetadata);
        var latest = await client.GetAsync($"subjects/{subject}/versions/latest");
        Assert.Equal(2, latest.Number("version"));
        Assert.Equal("team-a", latest.Json!["metadata"]!["properties"]!["owner"]!.GetValue<string>());
        Assert.Equal(new[] { 1, 2 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item02_ExplicitEmptyMetadata_DoesNotInheritAndGetsItsOwnId(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item2e");
        var schema = Schemas.Simple(Some.RecordName("item2e"));
        var tagged = await client.RegisterAsync(subject, schema,
            new JsonObject { ["metadata"] = new JsonObject { ["properties"] = new JsonObject { ["owner"] = "team-a" } } });

        var inherited = await client.RegisterAsync(subject, schema);
        var emptied = await client.RegisterAsync(subject, schema, new JsonObject { ["metadata"] = new JsonObject { ["properties"] = new JsonObject() } });

        Assert.Equal(tagged, inherited);
        Assert.NotEqual(tagged, emptied);
        var latest = await client.GetAsync($"subjects/{subject}/versions/latest");
        Assert.Equal(2, latest.Number("version"));
        Assert.Null(latest.Json!["metadata"]);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item03_ReRegisterAfterSoftDelete_GetsOldIdAndNewVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item3");
        var name = Some.RecordName("item3");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        var v2Id = await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        Assert.Equal(200, (await client.DeleteAsync($"subjects/{subject}/versions/1")).Code);
        Assert.Equal(200, (await client.DeleteAsync($"subjects/{subject}/versions/2")).Code);

        var again = await client.RegisterAsync(subject, Schemas.Simple(name, 2));

        Assert.Equal(v2Id, again);
        Assert.Equal(new[] { 3 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
        Assert.Equal(new[] { 1, 3 }, (await client.GetAsync($"subjects/{subject}/versions?deleted=true")).Ints());
        Assert.Equal(v2Id, (await client.GetAsync($"subjects/{subject}/versions/3")).Number("id"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item04_ReRegisterExistingSchema_SucceedsInReadOnlyAndImport(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item4");
        var name = Some.RecordName("item4");
        var id = await client.RegisterAsync(subject, Schemas.Simple(name));

        await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "READONLY" });
        var inReadOnly = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name) });
        var newInReadOnly = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name, 2) });
        await client.PutAsync($"mode/{subject}?force=true", new JsonObject { ["mode"] = "IMPORT" });
        var inImport = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name) });

        Assert.Equal(200, inReadOnly.Code);
        Assert.Equal(id, inReadOnly.Number("id"));
        Assert.Equal(42205, newInReadOnly.ErrorCode);
        Assert.Equal(200, inImport.Code);
        Assert.Equal(id, inImport.Number("id"));
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item05_IdOutsideImportIsError_NoIdInImportIsError(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item5");
        var name = Some.RecordName("item5");

        var withId = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name), ["id"] = 777 });
        await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "IMPORT" });
        var withoutId = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name) });
        var imported = await client.PostAsync($"subjects/{subject}/versions",
            new JsonObject { ["schema"] = Schemas.Simple(name), ["id"] = 777, ["version"] = 4 });

        Assert.Equal(42205, withId.ErrorCode);
        Assert.Equal(422, withId.Code);
        Assert.Equal(42205, withoutId.ErrorCode);
        Assert.Equal(200, imported.Code);
        var stored = await client.GetAsync($"subjects/{subject}/versions/4");
        Assert.Equal(777, stored.Number("id"));
    }
}
