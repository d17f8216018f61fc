using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>
/// GET /schemas?aliases=true (7.6.2, 7.7.0 and later): every version of an alias target lists the subjects whose
/// config names it as their alias; 7.6.1 ignores the parameter.
/// </summary>
public sealed class AliasListingSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Aliases_AreListedOnEveryVersionOfTheirTarget_QualifiedWithTheAliasContext(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("aliases");
        var target = Some.Subject("alias-target");
        var name = Some.RecordName("aliastarget");
        await client.RegisterAsync(target, Schemas.Simple(name));
        await client.RegisterAsync(target, Schemas.Simple(name, 2));
        await client.RegisterAsync($":{ctx}:{target}", Schemas.Simple(Some.RecordName("aliasctx")));
        var (second, first) = (target + "-z", target + "-a");
        foreach (var alias in new[] { second, first, $":{ctx}:in-ctx" })
        {
            await client.PutAsync($"config/{alias}", new JsonObject { ["alias"] = target });
        }

        var listed = (await client.GetAsync("schemas?subjectPrefix=:*:&aliases=true")).Json!.AsArray();
        var plain = (await client.GetAsync("schemas?subjectPrefix=:*:")).Json!.AsArray();

        var ofTarget = listed.Where(s => s!["subject"]!.GetValue<string>() == target).ToList();
        var inContext = listed.Single(s => s!["subject"]!.GetValue<string>() == $":{ctx}:{target}");
        Assert.Equal(2, ofTarget.Count);
        Assert.DoesNotContain(plain, s => s!.AsObject().ContainsKey("aliases"));
        if (profile == SandboxProfile.Platform76)
        {
            Assert.DoesNotContain(listed, s => s!.AsObject().ContainsKey("aliases"));
            return;
        }

        Assert.All(ofTarget, s => Assert.Equal([first, second], Names(s!["aliases"])));
        Assert.Equal([$":{ctx}:in-ctx"], Names(inContext!["aliases"]));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Aliases_AreFoundByTheirOwnNames_AndBringTargetsOutsideThePrefixIntoTheListing(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("alias-prefix");
        var target = $":{ctx}:target";
        var pointer = Some.Subject("pointer");
        await client.RegisterAsync(target, Schemas.Simple(Some.RecordName("outside")));
        await client.PutAsync($"config/{pointer}", new JsonObject { ["alias"] = target });
        await client.PutAsync($"config/{pointer}-dangling", new JsonObject { ["alias"] = "nothing-here" });

        var byAliasName = (await client.GetAsync($"schemas?subjectPrefix={pointer}&aliases=true")).Json!.AsArray();
        var byTargetName = (await client.GetAsync($"schemas?subjectPrefix={target}&aliases=true")).Json!.AsArray();

        Assert.DoesNotContain(byTargetName, s => s!.AsObject().ContainsKey("aliases"));
        if (profile == SandboxProfile.Platform76)
        {
            Assert.Empty(byAliasName);
            return;
        }

        var item = Assert.Single(byAliasName);
        Assert.Equal(target, item!["subject"]!.GetValue<string>());
        Assert.Equal([pointer], Names(item["aliases"]));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Aliases_OfASoftDeletedTarget_AppearOnlyWithDeleted(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = Some.Subject("soft-target");
        var alias = Some.Subject("soft-alias");
        await client.RegisterAsync(target, Schemas.Simple(Some.RecordName("softtarget")));
        await client.PutAsync($"config/{alias}", new JsonObject { ["alias"] = target });
        await client.DeleteAsync($"subjects/{target}");

        var live = (await client.GetAsync("schemas?subjectPrefix=:*:&aliases=true")).Json!.AsArray();
        var withDeleted = (await client.GetAsync("schemas?subjectPrefix=:*:&aliases=true&deleted=true")).Json!.AsArray();

        Assert.DoesNotContain(live, s => s!["subject"]!.GetValue<string>() == target);
        var item = Assert.Single(withDeleted, s => s!["subject"]!.GetValue<string>() == target);
        Assert.Equal(profile == SandboxProfile.Platform76 ? null : [alias], item!["aliases"] is { } names ? Names(names) : null);
    }

    private static string[] Names(JsonNode? aliases) => aliases!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
