using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Section 4: 42206 for live referrers on soft deletes and for any referrer on permanent ones; referencedby; aliases.</summary>
public sealed class ReferenceDeleteSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task ReferencedBy_HidesSoftDeletedReferrersUnlessDeleted(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = await RegisterTargetAsync(client, "rb");
        var live = await RegisterReferrerAsync(client, target, "rb-live");
        var gone = await RegisterReferrerAsync(client, target, "rb-gone");
        await client.DeleteAsync($"subjects/{gone.Subject}");

        var visible = await client.GetAsync($"subjects/{target.Subject}/versions/1/referencedby");
        var withDeleted = await client.GetAsync($"subjects/{target.Subject}/versions/1/referencedby?deleted=true");

        Assert.Equal(new[] { live.Id }, visible.Ints());
        Assert.Equal(new[] { live.Id, gone.Id }.Order().ToArray(), withDeleted.Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task SubjectDelete_SoftIsRefusedOnlyByLiveReferrers_PermanentByAnyReferrer(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = await RegisterTargetAsync(client, "sd");
        var referrer = await RegisterReferrerAsync(client, target, "sd-referrer");

        var softWhileLive = await client.DeleteAsync($"subjects/{target.Subject}");
        await client.DeleteAsync($"subjects/{referrer.Subject}");
        var softAfter = await client.DeleteAsync($"subjects/{target.Subject}");
        var permanentWhileSoftDeletedReferrer = await client.DeleteAsync($"subjects/{target.Subject}?permanent=true");
        await client.DeleteAsync($"subjects/{referrer.Subject}?permanent=true");
        var permanentAfter = await client.DeleteAsync($"subjects/{target.Subject}?permanent=true");

        Assert.Equal((422, 42206), (softWhileLive.Code, softWhileLive.ErrorCode!.Value));
        Assert.Equal(new[] { 1 }, softAfter.Ints());
        Assert.Equal((422, 42206), (permanentWhileSoftDeletedReferrer.Code, permanentWhileSoftDeletedReferrer.ErrorCode!.Value));
        Assert.Equal(new[] { 1 }, permanentAfter.Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task PermanentSubjectDelete_ChecksReferrersBeforeLiveness_VersionByVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = await RegisterTargetAsync(client, "order");
        await client.RegisterAsync(target.Subject, Schemas.Simple(target.Name, 2));
        await RegisterReferrerAsync(client, target, "order-referrer");

        var response = await client.DeleteAsync($"subjects/{target.Subject}?permanent=true");

        Assert.Equal((422, 42206), (response.Code, response.ErrorCode!.Value));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task SoftSubjectDelete_IgnoresReferrersOfVersionsAlreadySoftDeleted(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = await RegisterTargetAsync(client, "ignored");
        await client.RegisterAsync(target.Subject, Schemas.Simple(target.Name, 2));
        var referrer = await RegisterReferrerAsync(client, target, "ignored-referrer");
        await client.DeleteAsync($"subjects/{referrer.Subject}");
        await client.DeleteAsync($"subjects/{target.Subject}/versions/1");
        await client.RegisterAsync(referrer.Subject, referrer.Schema, Reference(target));

        var response = await client.DeleteAsync($"subjects/{target.Subject}");

        Assert.Equal(new[] { 2 }, response.Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task AliasedVersionDelete_DeletesTheTargetsVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var target = await RegisterTargetAsync(client, "alias-del");
        await client.RegisterAsync(target.Subject, Schemas.Simple(target.Name, 2));
        var alias = Some.Subject("alias-del-alias");
        await client.PutAsync($"config/{alias}", new JsonObject { ["alias"] = target.Subject });

        var soft = await client.DeleteAsync($"subjects/{alias}/versions/1");
        var permanent = await client.DeleteAsync($"subjects/{alias}/versions/1?permanent=true");

        Assert.Equal(1, soft.Json!.GetValue<int>());
        Assert.Equal(1, permanent.Json!.GetValue<int>());
        Assert.Equal(new[] { 2 }, (await client.GetAsync($"subjects/{target.Subject}/versions?deleted=true")).Ints());
        Assert.Equal(new[] { 2 }, (await client.GetAsync($"subjects/{alias}/versions?deleted=true")).Ints());
    }

    private static async Task<(string Subject, string Name)> RegisterTargetAsync(RegistryClient client, string hint)
    {
        var subject = Some.Subject(hint);
        var name = Some.RecordName(hint);
        await client.RegisterAsync(subject, Schemas.Simple(name));
        return (subject, name);
    }

    /// <summary>A record with one field of the target's type, referencing the target's version 1.</summary>
    private static async Task<(string Subject, string Schema, int Id)> RegisterReferrerAsync(RegistryClient client, (string Subject, string Name) target, string hint)
    {
        var subject = Some.Subject(hint);
        var schema = Schemas.Record(Some.RecordName(hint), $"t:{target.Name}");
        return (subject, schema, await client.RegisterAsync(subject, schema, Reference(target)));
    }

    private static JsonObject Reference((string Subject, string Name) target) => new()
    {
        ["references"] = new JsonArray(new JsonObject { ["name"] = target.Name, ["subject"] = target.Subject, ["version"] = 1 }),
    };
}
