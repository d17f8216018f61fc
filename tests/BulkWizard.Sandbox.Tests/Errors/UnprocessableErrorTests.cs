using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Errors;

/// <summary>Section 2: 40901 (409 on 7.6) and the 422 family, each with the registry state after.</summary>
public sealed class UnprocessableErrorTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    private static void AssertError(ApiResponse response, int status, int code)
    {
        Assert.True(status == response.Code && code == response.ErrorCode, $"expected {status}/{code}, got {response.Code} {response.Text}");
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error40901_IncompatibleSchema(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e40901");
        var name = Some.RecordName("e40901");
        await client.RegisterAsync(subject, Schemas.Simple(name));

        var response = await client.PostAsync($"subjects/{subject}/versions",
            new JsonObject { ["schema"] = Schemas.Record(name, "f1:string", "required:int") });

        AssertError(response, 409, profile == SandboxProfile.Platform76 ? 409 : 40901);
        Assert.Contains("compatibility: 'BACKWARD'", response.Str("message"), StringComparison.Ordinal);
        Assert.Contains("required", response.Str("message"), StringComparison.Ordinal);
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42201_InvalidSchema(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e42201");

        AssertError(await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = "{\"type\":\"record\"" }), 422, 42201);
        AssertError(await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = "" }), 422, 42201);
        AssertError(await client.PostAsync($"subjects/{subject}/versions", new JsonObject
        {
            ["schema"] = Schemas.Simple(Some.RecordName("e42201")),
            ["references"] = new JsonArray(new JsonObject { ["name"] = "x", ["subject"] = "no-such-subject", ["version"] = 1 }),
        }), 422, 42201);
        var name = Some.RecordName("e42201b");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        AssertError(await client.PostAsync($"subjects/{subject}/versions",
            new JsonObject { ["schema"] = Schemas.Simple(name, 2), ["version"] = 5 }), 422, 42201);
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42202_InvalidVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e42202");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("e42202")));

        foreach (var version in new[] { "0", "-2", "abc", "2147483648" })
        {
            AssertError(await client.GetAsync($"subjects/{subject}/versions/{version}"), 422, 42202);
        }

        AssertError(await client.DeleteAsync($"subjects/{subject}/versions/0"), 422, 42202);
        Assert.Equal(1, (await client.GetAsync($"subjects/{subject}/versions/-1")).Number("version"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42203_InvalidCompatibilityLevel(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e42203");

        AssertError(await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "SIDEWAYS" }), 422, 42203);
        Assert.Equal(40408, (await client.GetAsync($"config/{subject}")).ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42204_InvalidMode(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e42204");

        AssertError(await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "WRITEONLY" }), 422, 42204);
        AssertError(await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "FORWARD" }), 422, 42204);
        Assert.Equal(40409, (await client.GetAsync($"mode/{subject}")).ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42205_OperationNotPermitted(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e42205");
        var name = Some.RecordName("e42205");
        var id = await client.RegisterAsync(subject, Schemas.Simple(name));
        var other = Some.Subject("e42205-import");
        var otherId = await client.RegisterAsync(other, Schemas.Simple(Some.RecordName("e42205b")));
        await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "READONLY" });

        AssertError(await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = Schemas.Simple(name, 2) }), 422, 42205);
        AssertError(await client.DeleteAsync($"subjects/{subject}/versions/1"), 422, 42205);
        AssertError(await client.DeleteAsync($"subjects/{subject}"), 422, 42205);
        AssertError(await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "NONE" }), 422, 42205);
        AssertError(await client.PutAsync($"mode/{other}", new JsonObject { ["mode"] = "IMPORT" }), 422, 42205);
        await client.PutAsync($"mode/{other}?force=true", new JsonObject { ["mode"] = "IMPORT" });
        AssertError(await client.PostAsync($"subjects/{other}/versions",
            new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("e42205c")), ["id"] = id, ["version"] = 2 }), 422, 42205);
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
        Assert.Equal(otherId, (await client.GetAsync($"subjects/{other}/versions/latest")).Number("id"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42206_ReferenceExists(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = Some.Subject("e42206-target");
        var referrer = Some.Subject("e42206-referrer");
        var targetName = Some.RecordName("e42206");
        await client.RegisterAsync(target, Schemas.Simple(targetName));
        await client.RegisterAsync(referrer, Schemas.Record(Some.RecordName("e42206r"), $"t:{targetName}"), new JsonObject
        {
            ["references"] = new JsonArray(new JsonObject { ["name"] = targetName, ["subject"] = target, ["version"] = 1 }),
        });

        AssertError(await client.DeleteAsync($"subjects/{target}/versions/1"), 422, 42206);
        AssertError(await client.DeleteAsync($"subjects/{target}"), 422, 42206);
        await client.DeleteAsync($"subjects/{referrer}");
        Assert.Equal(1, (await client.DeleteAsync($"subjects/{target}/versions/1")).Json!.GetValue<int>());
        AssertError(await client.DeleteAsync($"subjects/{target}/versions/1?permanent=true"), 422, 42206);
        await client.DeleteAsync($"subjects/{referrer}?permanent=true");
        Assert.Equal(200, (await client.DeleteAsync($"subjects/{target}/versions/1?permanent=true")).Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42208_InvalidSubject(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var schema = new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("e42208")) };

        AssertError(await client.PostAsync("subjects/__GLOBAL/versions", schema), 422, 42208);
        AssertError(await client.PostAsync("subjects/:.__GLOBAL:x/versions", schema.DeepClone()), 422, 42208);
        AssertError(await client.PostAsync("subjects/bad%01name/versions", schema.DeepClone()), 422, 42208);
        Assert.DoesNotContain("__GLOBAL", (await client.GetAsync("subjects")).Strings());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42210_InvalidRuleSet(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("e42210");
        var badRules = new JsonObject
        {
            ["migrationRules"] = new JsonArray(new JsonObject { ["name"] = "9bad", ["type"] = "JSONATA", ["mode"] = "WRITE" }),
        };

        var register = await client.PostAsync($"subjects/{subject}/versions",
            new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("e42210")), ["ruleSet"] = badRules });
        var config = await client.PutAsync($"config/{subject}-cfg", new JsonObject { ["defaultRuleSet"] = badRules.DeepClone() });

        if (profile == SandboxProfile.Community)
        {
            Assert.Equal(200, register.Code);
            Assert.Equal(200, config.Code);
        }
        else
        {
            AssertError(register, 422, 42210);
            AssertError(config, 422, 42210);
            Assert.Equal(40401, (await client.GetAsync($"subjects/{subject}/versions")).ErrorCode);
        }
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Error42211_DeleteOfNonEmptyContext(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("e42211");
        await client.RegisterAsync($":{ctx}:s", Schemas.Simple(Some.RecordName("e42211")));

        var response = await client.DeleteAsync($"contexts/{ctx}");

        AssertError(response, 422, 42211, profile);
        Assert.Contains(ctx, (await client.GetAsync("contexts")).Strings());
    }

    private static void AssertError(ApiResponse response, int status, int code, SandboxProfile profile)
    {
        if (profile == SandboxProfile.Platform76)
        {
            AssertError(response, 404, 404);
        }
        else
        {
            AssertError(response, status, code);
        }
    }
}
