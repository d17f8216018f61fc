using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Section 6 (DELETE /contexts) and section 11.3-11.4: undoing hard and soft deletes through IMPORT.</summary>
public sealed class ContextDeleteAndImportSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task DeleteContext_UnknownIs204_OwnConfigAndModeStay_7xHasNoSuchRoute(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("ctx-del");
        await client.RegisterAsync($":{ctx}:s", Schemas.Simple(Some.RecordName("ctxdel")));
        await client.PutAsync($"config/:{ctx}:", new JsonObject { ["compatibility"] = "NONE" });
        await client.PutAsync($"mode/:{ctx}:", new JsonObject { ["mode"] = "READWRITE" });
        await client.DeleteAsync($"subjects/:{ctx}:s");
        await client.DeleteAsync($"subjects/:{ctx}:s?permanent=true");

        var unknown = await client.DeleteAsync($"contexts/{Some.Context("never")}");
        var deleted = await client.DeleteAsync($"contexts/{ctx}");

        if (profile == SandboxProfile.Platform76)
        {
            Assert.Equal((404, 404), (unknown.Code, unknown.ErrorCode!.Value));
            Assert.Equal((404, 404), (deleted.Code, deleted.ErrorCode!.Value));
            Assert.Contains(ctx, (await client.GetAsync("contexts")).Strings());
        }
        else
        {
            Assert.Equal(204, unknown.Code);
            Assert.Equal(204, deleted.Code);
            Assert.Empty(deleted.Text);
            Assert.DoesNotContain(ctx, (await client.GetAsync("contexts")).Strings());
        }

        Assert.Equal("NONE", (await client.GetAsync($"config/:{ctx}:")).Str("compatibilityLevel"));
        Assert.Equal("READWRITE", (await client.GetAsync($"mode/:{ctx}:")).Str("mode"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task ForcedImport_OfAHardDeletedVersion_RestoresItsIdAndVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("imp-hard");
        var name = Some.RecordName("imphard");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        var id = await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.DeleteAsync($"subjects/{subject}/versions/2");
        await client.DeleteAsync($"subjects/{subject}/versions/2?permanent=true");
        var goneId = await client.GetAsync($"schemas/ids/{id}");

        await client.PutAsync($"mode/{subject}?force=true", new JsonObject { ["mode"] = "IMPORT" });
        var restored = await client.PostAsync($"subjects/{subject}/versions",
            new JsonObject { ["schema"] = Schemas.Simple(name, 2), ["id"] = id, ["version"] = 2 });
        await client.DeleteAsync($"mode/{subject}");

        Assert.Equal(40403, goneId.ErrorCode);
        Assert.Equal(200, restored.Code);
        Assert.Equal(new[] { 1, 2 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
        Assert.Equal(id, (await client.GetAsync($"subjects/{subject}/versions/2")).Number("id"));
        Assert.Equal(200, (await client.GetAsync($"schemas/ids/{id}")).Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task ForcedImport_OverASoftDeletedVersion_WithItsIdAndVersion_MakesItLiveAgain(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("imp-soft");
        var name = Some.RecordName("impsoft");
        var id1 = await client.RegisterAsync(subject, Schemas.Simple(name));
        var id2 = await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "FULL" });
        await client.DeleteAsync($"subjects/{subject}");

        await client.PutAsync($"mode/{subject}?force=true", new JsonObject { ["mode"] = "IMPORT" });
        var first = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name), ["id"] = id1, ["version"] = 1 });
        var second = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name, 2), ["id"] = id2, ["version"] = 2 });
        await client.DeleteAsync($"mode/{subject}");

        Assert.Equal((200, 200), (first.Code, second.Code));
        Assert.Equal(new[] { 1, 2 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
        Assert.Empty((await client.GetAsync($"subjects/{subject}/versions?deletedOnly=true")).Ints());
        Assert.Equal(id2, (await client.GetAsync($"subjects/{subject}/versions/latest")).Number("id"));
        Assert.Equal("FULL", (await client.GetAsync($"config/{subject}")).Str("compatibilityLevel"));
    }
}
