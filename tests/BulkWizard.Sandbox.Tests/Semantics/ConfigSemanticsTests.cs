using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Section 13, items 13-14: config merge and the resolution order across contexts.</summary>
public sealed class ConfigSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item13_PutConfigMergesAndNullClears_PutAnswersCompatibility_GetAnswersCompatibilityLevel(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item13");

        var first = await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "full" });
        var second = await client.PutAsync($"config/{subject}", new JsonObject { ["normalize"] = true });
        var merged = await client.GetAsync($"config/{subject}");
        await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = null });
        var levelLess = await client.GetAsync($"config/{subject}");

        Assert.Null(first.Json!["compatibilityLevel"]);
        Assert.True(second.Json!["normalize"]!.GetValue<bool>());
        if (profile == SandboxProfile.Platform76)
        {
            // Before 7.7.4 the answer echoes the request as sent: it proves nothing about what was stored.
            Assert.Equal("full", first.Str("compatibility"));
            Assert.Null(second.Json!["compatibility"]);
        }
        else
        {
            // From 7.7.4 / 7.8.3 / 7.9.2 / 8.0.0 on, the answer is the whole stored config after the merge.
            Assert.Equal("FULL", first.Str("compatibility"));
            Assert.Equal("FULL", second.Str("compatibility"));
        }

        Assert.Equal("FULL", merged.Str("compatibilityLevel"));
        Assert.Equal("BACKWARD", levelLess.Str("compatibilityLevel"));
        Assert.True(levelLess.Json!["normalize"]!.GetValue<bool>());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item14_NamedContextInheritsItsOwnConfigThenGlobalContext_NeverPutConfig(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("item14");
        var subject = $":{ctx}:orders";
        var name = Some.RecordName("item14");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        try
        {
            await client.PutAsync("config", new JsonObject { ["compatibility"] = "NONE" });
            var ignoringGlobal = await client.GetAsync($"config/{subject}?defaultToGlobal=true");
            var breaking = await client.PostAsync($"subjects/{subject}/versions",
                new JsonObject { ["schema"] = Schemas.Record(name, "f1:string", "extra:int") });
            await client.PutAsync($"config/:.__GLOBAL:", new JsonObject { ["compatibility"] = "FORWARD" });
            var fromAllContexts = await client.GetAsync($"config/{subject}?defaultToGlobal=true");
            await client.PutAsync($"config/:{ctx}:", new JsonObject { ["compatibility"] = "FULL" });
            var fromContext = await client.GetAsync($"config/{subject}?defaultToGlobal=true");
            await client.PutAsync($"mode/:{ctx}:", new JsonObject { ["mode"] = "READONLY" });
            var readOnlyContext = await client.PostAsync($"subjects/{subject}/versions",
                new JsonObject { ["schema"] = Schemas.Simple(name, 2) });

            Assert.Equal("BACKWARD", ignoringGlobal.Str("compatibilityLevel"));
            Assert.Equal(409, breaking.Code);
            Assert.Equal("FORWARD", fromAllContexts.Str("compatibilityLevel"));
            Assert.Equal("FULL", fromContext.Str("compatibilityLevel"));
            Assert.Equal(42205, readOnlyContext.ErrorCode);
            Assert.Equal("READWRITE", (await client.GetAsync("mode")).Str("mode"));
        }
        finally
        {
            await client.DeleteAsync("config");
            await client.DeleteAsync("config/:.__GLOBAL:");
        }
    }
}
