using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Section 13, items 15-18: contexts after hard deletes, aliases, page caps, rule sets by edition.</summary>
public sealed class ContextAndAliasSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item15_ContextSurvivesHardDeleteUntilDeleteContexts_WhichRefusesWhileSoftDeletedRemain(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("item15");
        var subject = $":{ctx}:s";
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("item15")));
        await client.DeleteAsync($"subjects/{subject}");

        var whileSoftDeleted = await client.DeleteAsync($"contexts/{ctx}");
        await client.DeleteAsync($"subjects/{subject}?permanent=true");
        var listedAfterHardDelete = (await client.GetAsync("contexts")).Strings();
        var deleted = await client.DeleteAsync($"contexts/{ctx}");
        var listedAfterDelete = (await client.GetAsync("contexts")).Strings();

        Assert.Contains(ctx, listedAfterHardDelete);
        Assert.Equal(".", listedAfterHardDelete[0]);
        if (profile == SandboxProfile.Platform76)
        {
            Assert.Equal((404, 404), (whileSoftDeleted.Code, whileSoftDeleted.ErrorCode!.Value));
            Assert.Contains(ctx, listedAfterDelete);
        }
        else
        {
            Assert.Equal((422, 42211), (whileSoftDeleted.Code, whileSoftDeleted.ErrorCode!.Value));
            Assert.Equal(204, deleted.Code);
            Assert.DoesNotContain(ctx, listedAfterDelete);
        }
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item16_AliasesRewriteReadsRegisterAndDeletes(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = Some.Subject("item16-target");
        var alias = Some.Subject("item16-alias");
        var name = Some.RecordName("item16");
        var id = await client.RegisterAsync(target, Schemas.Simple(name));
        await client.PutAsync($"config/{alias}", new JsonObject { ["alias"] = target });

        var readThroughAlias = await client.GetAsync($"subjects/{alias}/versions/1");
        var registeredThroughAlias = await client.RegisterAsync(alias, Schemas.Simple(name, 2));
        var byIdWithAlias = await client.GetAsync($"schemas/ids/{id}?subject={alias}");
        var deleted = await client.DeleteAsync($"subjects/{alias}");

        Assert.Equal(target, readThroughAlias.Str("subject"));
        Assert.Equal(new[] { 1, 2 }, deleted.Ints());
        Assert.Equal(200, byIdWithAlias.Code);
        Assert.NotEqual(id, registeredThroughAlias);
        Assert.Equal(40401, (await client.GetAsync($"subjects/{target}/versions")).ErrorCode);
        Assert.Equal(new[] { 1, 2 }, (await client.GetAsync($"subjects/{target}/versions?deleted=true")).Ints());
        Assert.Equal(target, (await client.GetAsync($"config/{alias}")).Str("alias"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item17_SchemasAndReferencedByReturnAtMost1000_OutOfRangeLimitFallsBackToDefault(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("item17");
        const string baseSchema = """{"type":"record","name":"Base","namespace":"cap","fields":[{"name":"v","type":"int"}]}""";
        await client.RegisterAsync($":{ctx}:base", baseSchema);
        var reference = new JsonArray(new JsonObject { ["name"] = "cap.Base", ["subject"] = "base", ["version"] = 1 });
        for (var i = 0; i < 1001; i++)
        {
            var schema = $$"""{"type":"record","name":"Ref{{i}}","namespace":"cap","fields":[{"name":"b","type":"Base"}]}""";
            await client.RegisterAsync($":{ctx}:ref-{i:0000}", schema, new JsonObject { ["references"] = reference.DeepClone() });
        }

        var expectedCap = profile == SandboxProfile.Platform76 ? 1002 : 1000;
        var expectedRefCap = profile == SandboxProfile.Platform76 ? 1001 : 1000;
        var tooLarge = (await client.GetAsync($"contexts/{ctx}/schemas?limit=5000")).Json!.AsArray();
        var zero = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:&limit=0")).Json!.AsArray();
        var five = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:&limit=5&offset=1")).Json!.AsArray();
        var lastPage = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:&offset=1000")).Json!.AsArray();
        var referrers = (await client.GetAsync($"subjects/:{ctx}:base/versions/1/referencedby?limit=2000")).Ints();

        Assert.Equal(expectedCap, tooLarge.Count);
        Assert.Equal(expectedCap, zero.Count);
        Assert.Equal(5, five.Count);
        Assert.Equal($":{ctx}:ref-0000", five[0]!["subject"]!.GetValue<string>());
        Assert.Equal(2, lastPage.Count);
        Assert.Equal(expectedRefCap, referrers.Length);
        Assert.Equal(referrers.Order().ToArray(), referrers);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Item18_RuleSetsAreSilentlyDroppedByCommunityEdition(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("item18");
        var ruleSet = new JsonObject
        {
            ["domainRules"] = new JsonArray(new JsonObject { ["name"] = "checkF1", ["kind"] = "CONDITION", ["type"] = "CEL", ["mode"] = "WRITE", ["expr"] = "message.f1 != ''" }),
        };

        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("item18")), new JsonObject { ["ruleSet"] = ruleSet });
        var stored = await client.GetAsync($"subjects/{subject}/versions/1");
        var config = await client.PutAsync($"config/{subject}", new JsonObject { ["defaultRuleSet"] = ruleSet.DeepClone() });

        if (profile == SandboxProfile.Community)
        {
            Assert.Null(stored.Json!["ruleSet"]);
            Assert.Null(config.Json!["defaultRuleSet"]);
        }
        else
        {
            Assert.Equal("checkF1", stored.Json!["ruleSet"]!["domainRules"]![0]!["name"]!.GetValue<string>());
            Assert.NotNull(config.Json!["defaultRuleSet"]);
        }
    }
}
