using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Errors;

/// <summary>Section 2, the 404 family: 40401-40409, each with the registry state after.</summary>
public sealed class NotFoundErrorTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    private static void AssertError(ApiResponse response, int status, int code)
    {
        Assert.Equal(status, response.Code);
        Assert.Equal(code, response.ErrorCode);
        Assert.False(string.IsNullOrEmpty(response.Json!["message"]!.GetValue<string>()));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40401_SubjectNotFound(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40401");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("e40401")));
        await client.DeleteAsync($"subjects/{subject}");

        AssertError(await client.GetAsync($"subjects/{Some.Subject("missing")}/versions"), 404, 40401);
        AssertError(await client.GetAsync($"subjects/{subject}/versions/1"), 404, 40401);
        AssertError(await client.DeleteAsync($"subjects/{Some.Subject("missing")}"), 404, 40401);
        Assert.Equal(200, (await client.GetAsync($"subjects/{subject}/versions/1?deleted=true")).Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40402_VersionNotFound(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40402");
        var name = Some.RecordName("e40402");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.DeleteAsync($"subjects/{subject}/versions/2");

        AssertError(await client.GetAsync($"subjects/{subject}/versions/7"), 404, 40402);
        AssertError(await client.GetAsync($"subjects/{subject}/versions/2"), 404, 40402);
        Assert.True((await client.GetAsync($"subjects/{subject}/versions/2?deleted=true")).Json!["version"] is not null);
        await client.DeleteAsync($"subjects/{subject}/versions/1");
        AssertError(await client.GetAsync($"subjects/{subject}/versions/latest?deleted=true"), 404, 40402);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40403_SchemaNotFound(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40403");
        var other = Some.Subject("e40403-other");
        var elsewhere = Schemas.Simple(Some.RecordName("e40403b"));
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("e40403")));
        await client.RegisterAsync(other, elsewhere);

        AssertError(await client.GetAsync("schemas/ids/987654"), 404, 40403);
        AssertError(await client.PostAsync($"subjects/{subject}", new JsonObject { ["schema"] = elsewhere }), 404, 40403);
        Assert.Equal(200, (await client.PostAsync($"subjects/{other}", new JsonObject { ["schema"] = elsewhere })).Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40404_SoftDeleteOfSoftDeletedSubject(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40404");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("e40404")));
        var first = await client.DeleteAsync($"subjects/{subject}");

        AssertError(await client.DeleteAsync($"subjects/{subject}"), 404, 40404);
        Assert.Equal(new[] { 1 }, first.Ints());
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions?deleted=true")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40405_PermanentSubjectDeleteWithLiveVersions(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40405");
        var name = Some.RecordName("e40405");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.DeleteAsync($"subjects/{subject}/versions/1");

        AssertError(await client.DeleteAsync($"subjects/{subject}?permanent=true"), 404, 40405);
        Assert.Equal(new[] { 2 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40406_SoftDeleteOfSoftDeletedVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40406");
        var name = Some.RecordName("e40406");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.DeleteAsync($"subjects/{subject}/versions/1");

        AssertError(await client.DeleteAsync($"subjects/{subject}/versions/1"), 404, 40406);
        Assert.Equal(1, (await client.DeleteAsync($"subjects/{subject}/versions/1?permanent=true")).Json!.GetValue<int>());
        AssertError(await client.DeleteAsync($"subjects/{subject}/versions/1?permanent=true"), 404, 40402);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40407_PermanentDeleteOfLiveVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40407");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("e40407")));

        AssertError(await client.DeleteAsync($"subjects/{subject}/versions/1?permanent=true"), 404, 40407);
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40408_SubjectConfigNotSet(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40408");

        AssertError(await client.GetAsync($"config/{subject}"), 404, 40408);
        await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "NONE" });
        Assert.Equal("NONE", (await client.GetAsync($"config/{subject}")).Str("compatibilityLevel"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40409_SubjectModeNotSet(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40409");

        AssertError(await client.GetAsync($"mode/{subject}"), 404, 40409);
        Assert.Equal("READWRITE", (await client.GetAsync($"mode/{subject}?defaultToGlobal=true")).Str("mode"));
    }
}
