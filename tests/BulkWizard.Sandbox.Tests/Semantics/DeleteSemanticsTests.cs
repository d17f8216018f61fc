using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Sections 4 and 5: what soft and permanent deletes of versions and subjects return and leave behind.</summary>
public sealed class DeleteSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task DeleteSubject_SoftReturnsOnlyTheLiveVersions_PermanentReturnsAll(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("del-subject");
        var name = Some.RecordName("delsubject");
        for (var fields = 1; fields <= 3; fields++)
        {
            await client.RegisterAsync(subject, Schemas.Simple(name, fields));
        }

        await client.DeleteAsync($"subjects/{subject}/versions/2");
        var soft = await client.DeleteAsync($"subjects/{subject}");
        var listedWithDeleted = await client.GetAsync($"subjects/{subject}/versions?deleted=true");
        var permanent = await client.DeleteAsync($"subjects/{subject}?permanent=true");

        Assert.Equal(new[] { 1, 3 }, soft.Ints());
        Assert.Equal(new[] { 1, 2, 3 }, listedWithDeleted.Ints());
        Assert.Equal(new[] { 1, 2, 3 }, permanent.Ints());
        Assert.Equal(40401, (await client.GetAsync($"subjects/{subject}/versions?deleted=true")).ErrorCode);
        Assert.Equal(40401, (await client.DeleteAsync($"subjects/{subject}?permanent=true")).ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task PermanentVersionDeletes_LeaveTheOthersListed_AndTheVersionNumbersGoOnFromTheHighestLeft(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("del-versions");
        var name = Some.RecordName("delversions");
        for (var fields = 1; fields <= 3; fields++)
        {
            await client.RegisterAsync(subject, Schemas.Simple(name, fields));
        }

        await client.DeleteAsync($"subjects/{subject}/versions/3");
        await client.DeleteAsync($"subjects/{subject}/versions/1");
        await client.DeleteAsync($"subjects/{subject}/versions/3?permanent=true");

        Assert.Equal(new[] { 1, 2 }, (await client.GetAsync($"subjects/{subject}/versions?deleted=true")).Ints());
        Assert.Equal(new[] { 2 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions?deletedOnly=true")).Ints());
        Assert.Equal(new[] { -1, 2 }, (await client.GetAsync($"subjects/{subject}/versions?deleted=true&deletedAsNegative=true")).Ints());
        await client.RegisterAsync(subject, Schemas.Simple(name, 4));
        Assert.Equal(new[] { 2, 3 }, (await client.GetAsync($"subjects/{subject}/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task HardDeleteOfTheLastVersion_RemovesConfigAndMode_WhileOtherVersionsRemainTheyStay(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("del-last");
        var name = Some.RecordName("dellast");
        await client.RegisterAsync(subject, Schemas.Simple(name));
        await client.RegisterAsync(subject, Schemas.Simple(name, 2));
        await client.PutAsync($"config/{subject}", new JsonObject { ["compatibility"] = "NONE" });
        await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "READWRITE" });
        await client.DeleteAsync($"subjects/{subject}/versions/1");
        await client.DeleteAsync($"subjects/{subject}/versions/2");

        await client.DeleteAsync($"subjects/{subject}/versions/1?permanent=true");
        var configWhileOneLeft = await client.GetAsync($"config/{subject}");
        var modeWhileOneLeft = await client.GetAsync($"mode/{subject}");
        var last = await client.DeleteAsync($"subjects/{subject}/versions/2?permanent=true");

        Assert.Equal("NONE", configWhileOneLeft.Str("compatibilityLevel"));
        Assert.Equal("READWRITE", modeWhileOneLeft.Str("mode"));
        Assert.Equal(2, last.Json!.GetValue<int>());
        Assert.Equal(40408, (await client.GetAsync($"config/{subject}")).ErrorCode);
        Assert.Equal(40409, (await client.GetAsync($"mode/{subject}")).ErrorCode);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Id_ResolvesWhileAnyVersionInItsContextUsesIt_AndIsGoneOnceAllAreHardDeleted(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("del-id");
        var first = Some.Subject("del-id-a");
        var second = Some.Subject("del-id-b");
        var schema = Schemas.Simple(Some.RecordName("delid"));
        await client.RegisterAsync($":{ctx}:filler", Schemas.Simple(Some.RecordName("delidfiller")));
        var id = await client.RegisterAsync(first, schema);
        await client.RegisterAsync(second, schema);
        var idInContext = await client.RegisterAsync($":{ctx}:copy", schema);

        await client.DeleteAsync($"subjects/{first}");
        await client.DeleteAsync($"subjects/{first}?permanent=true");
        var whileSecondUsesIt = await client.GetAsync($"schemas/ids/{id}");
        await client.DeleteAsync($"subjects/{second}");
        var whileSoftDeleted = await client.GetAsync($"schemas/ids/{id}");
        await client.DeleteAsync($"subjects/{second}?permanent=true");
        var afterHardDeletes = await client.GetAsync($"schemas/ids/{id}");

        Assert.Equal(200, whileSecondUsesIt.Code);
        Assert.Equal(200, whileSoftDeleted.Code);
        Assert.Equal((404, 40403), (afterHardDeletes.Code, afterHardDeletes.ErrorCode!.Value));
        Assert.Equal(40403, (await client.GetAsync($"schemas/ids/{id}/subjects?deleted=true")).ErrorCode);
        Assert.Equal(200, (await client.GetAsync($"schemas/ids/{idInContext}?subject=:{ctx}:")).Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task SoftDeleteOfASoftDeletedSubject_Is40404EvenInReadOnly(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("del-ro");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("delro")));
        await client.DeleteAsync($"subjects/{subject}");
        await client.PutAsync($"mode/{subject}", new JsonObject { ["mode"] = "READONLY" });

        var soft = await client.DeleteAsync($"subjects/{subject}");
        var permanent = await client.DeleteAsync($"subjects/{subject}?permanent=true");

        Assert.Equal((404, 40404), (soft.Code, soft.ErrorCode!.Value));
        Assert.Equal((422, 42205), (permanent.Code, permanent.ErrorCode!.Value));
        Assert.Equal(new[] { 1 }, (await client.GetAsync($"subjects/{subject}/versions?deleted=true")).Ints());
    }
}
