using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Section 13, items 6-12: IMPORT purge, listings, cross-context reads, latest, hard delete, config/mode 404s.</summary>
public sealed class LifecycleSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item06_ImportOnSubjectWithOnlySoftDeletedVersions_SucceedsAndHardDeletesThem(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item6");
        var live = Some.Subject("item6-live");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("item6")));
        await client.RegisterAsync(live, Schemas.Simple(Some.RecordName("item6b")));
        await client.DeleteAsync($"subjects/{subject}");

        var switched = await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "IMPORT" });
        var refused = await client.PutAsync($"mode/{live}", new JsonObject { ["mode"] = "IMPORT" });

        Assert.Equal(200, switched.Code);
        Assert.Equal("IMPORT", switched.Str("mode"));
        Assert.Equal(40401, (await client.GetAsync($"subjects/{subject}/versions?deleted=true")).ErrorCode);
        Assert.Equal(42205, refused.ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item07_SubjectsWithoutPrefixListEveryContext_EmptyPrefixOnlyDefault(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("item7");
        var local = Some.Subject("item7");
        await client.RegisterAsync(local, Schemas.Simple(Some.RecordName("item7")));
        await client.RegisterAsync($":{ctx}:in-ctx", Schemas.Simple(Some.RecordName("item7b")));

        var all = (await client.GetAsync("subjects")).Strings();
        var defaultOnly = (await client.GetAsync("subjects?subjectPrefix=")).Strings();
        var ctxOnly = (await client.GetAsync($"subjects?subjectPrefix=:{ctx}:")).Strings();

        Assert.Contains(local, all);
        Assert.Contains($":{ctx}:in-ctx", all);
        Assert.Contains(local, defaultOnly);
        Assert.DoesNotContain($":{ctx}:in-ctx", defaultOnly);
        Assert.Equal(new[] { $":{ctx}:in-ctx" }, ctxOnly);
        Assert.True(Array.IndexOf(all, $":{ctx}:in-ctx") < Array.IndexOf(all, local), "qualified names sort first (plain string order)");
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item08_SubjectWithOneLiveAndOneSoftDeletedVersion_IsNeitherDeletedNorDeletedOnly(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item8");
        var gone = Some.Subject("item8-gone");
        var name = Some.RecordName("item8");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.RegisterAsync(gone, Schemas.Simple(Some.RecordName("item8b")));
        await client.DeleteAsync($"subjects/{subject}/versions/1");
        await client.DeleteAsync($"subjects/{gone}");

        var live = (await client.GetAsync("subjects")).Strings();
        var withDeleted = (await client.GetAsync("subjects?deleted=true")).Strings();
        var deletedOnly = (await client.GetAsync("subjects?deletedOnly=true&deleted=true")).Strings();

        Assert.Contains(subject, live);
        Assert.DoesNotContain(gone, live);
        Assert.Contains(subject, withDeleted);
        Assert.Contains(gone, withDeleted);
        Assert.DoesNotContain(subject, deletedOnly);
        Assert.Contains(gone, deletedOnly);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item09_UnqualifiedVersionReadAndLookupSearchOtherContexts_VersionListDoesNot(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("item9");
        var name = Some.Subject("item9");
        var schema = Schemas.Simple(Some.RecordName("item9"));
        await client.RegisterAsync($":{ctx}:{name}", schema);

        var version = await client.GetAsync($"subjects/{name}/versions/1");
        var lookup = await client.PostAsync($"subjects/{name}", new JsonObject { ["schema"] = schema });
        var versions = await client.GetAsync($"subjects/{name}/versions");

        Assert.Equal(200, version.Code);
        Assert.Equal($":{ctx}:{name}", version.Str("subject"));
        Assert.Equal(200, lookup.Code);
        Assert.Equal(1, lookup.Number("id"));
        Assert.Equal(40401, versions.ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item10_LatestIgnoresDeletedFlag_IdSubjectsIsEmptyWhenAllVersionsSoftDeleted(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item10");
        var name = Some.RecordName("item10");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        var id2 = await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.DeleteAsync($"subjects/{subject}/versions/2");

        var latest = await client.GetAsync($"subjects/{subject}/versions/latest?deleted=true");
        var subjectsOfId = await client.GetAsync($"schemas/ids/{id2}/subjects");
        var withDeleted = await client.GetAsync($"schemas/ids/{id2}/subjects?deleted=true");
        var byId = await client.GetAsync($"schemas/ids/{id2}");

        Assert.Equal(1, latest.Number("version"));
        Assert.Equal(200, subjectsOfId.Code);
        Assert.Empty(subjectsOfId.Strings());
        Assert.Equal(new[] { subject }, withDeleted.Strings());
        Assert.Equal(200, byId.Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item11_HardDeleteRemovesConfigAndMode_SoftDeleteKeepsThem(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item11");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("item11")));
        await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "FULL" });
        await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "READWRITE" });

        await client.DeleteAsync($"subjects/{subject}");
        var configAfterSoft = await client.GetAsync($"config/{subject}");
        var modeAfterSoft = await client.GetAsync($"mode/{subject}");
        await client.DeleteAsync($"subjects/{subject}?permanent=true");

        Assert.Equal("FULL", configAfterSoft.Str("compatibilityLevel"));
        Assert.Equal("READWRITE", modeAfterSoft.Str("mode"));
        Assert.Equal(40408, (await client.GetAsync($"config/{subject}")).ErrorCode);
        Assert.Equal(40409, (await client.GetAsync($"mode/{subject}")).ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item12_DeleteOfUnsetConfigOrModeIs40401_GetsAre40408And40409(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item12");

        var deleteConfig = await client.DeleteAsync($"config/{subject}");
        var deleteMode = await client.DeleteAsync($"mode/{subject}");
        var getConfig = await client.GetAsync($"config/{subject}");
        var getMode = await client.GetAsync($"mode/{subject}");
        var getConfigDefault = await client.GetAsync($"config/{subject}?defaultToGlobal=true");

        Assert.Equal((404, 40401), (deleteConfig.Code, deleteConfig.ErrorCode!.Value));
        Assert.Equal((404, 40401), (deleteMode.Code, deleteMode.ErrorCode!.Value));
        Assert.Equal((404, 40408), (getConfig.Code, getConfig.ErrorCode!.Value));
        Assert.Equal((404, 40409), (getMode.Code, getMode.ErrorCode!.Value));
        Assert.Equal("BACKWARD", getConfigDefault.Str("compatibilityLevel"));
    }
}
