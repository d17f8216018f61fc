using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Sections 4 and 5: subject and schema listings with the deleted flags, after soft and permanent deletes.</summary>
public sealed class DeletedListingSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task Subjects_HardDeletedNeverAppear_SoftDeletedOnlyWithDeletedOrDeletedOnly(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("list");
        var (live, soft, hard) = ($":{ctx}:live", $":{ctx}:soft", $":{ctx}:hard");
        foreach (var subject in new[] { live, soft, hard })
        {
            await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("list")));
        }

        await client.DeleteAsync($"subjects/{soft}");
        await client.DeleteAsync($"subjects/{hard}");
        await client.DeleteAsync($"subjects/{hard}?permanent=true");

        Assert.Equal(new[] { live }, (await client.GetAsync($"subjects?subjectPrefix=:{ctx}:")).Strings());
        Assert.Equal(new[] { live, soft }, (await client.GetAsync($"subjects?subjectPrefix=:{ctx}:&deleted=true")).Strings());
        Assert.Equal(new[] { soft }, (await client.GetAsync($"subjects?subjectPrefix=:{ctx}:&deletedOnly=true")).Strings());
        Assert.DoesNotContain(hard, (await client.GetAsync("subjects?deleted=true")).Strings());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Prefixes_NameInOneContext_OnlyThatContextsNamesStartingWithIt_InOrder(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("range");
        var stem = Some.RecordName("range").ToLowerInvariant();
        foreach (var subject in new[] { $"{stem}-b", $"{stem}", $"{stem}-a", $"{stem}x", $":{ctx}:{stem}-a", $":{ctx}:{stem}", $":{ctx}:other" })
        {
            await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("range")));
        }

        Assert.Equal([stem, $"{stem}-a", $"{stem}-b", $"{stem}x"], (await client.GetAsync($"subjects?subjectPrefix={stem}")).Strings());
        Assert.Equal([$":{ctx}:{stem}", $":{ctx}:{stem}-a"], (await client.GetAsync($"subjects?subjectPrefix=:{ctx}:{stem}")).Strings());
        var versions = (await client.GetAsync($"schemas?subjectPrefix={stem}-&deleted=true")).Json!.AsArray();
        Assert.Equal([$"{stem}-a", $"{stem}-b"], versions.Select(v => v!["subject"]!.GetValue<string>()));
        var context = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:{stem}")).Json!.AsArray();
        Assert.Equal([$":{ctx}:{stem}", $":{ctx}:{stem}-a"], context.Select(v => v!["subject"]!.GetValue<string>()));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Schemas_EveryContextWithDeleted_PagesInOrderAndFlagsSoftDeletedVersions(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("pages");
        var name = Some.RecordName("pages");
        for (var fields = 1; fields <= 3; fields++)
        {
            await client.RegisterAsync($":{ctx}:a", Schemas.Simple(name, fields));
        }

        await client.RegisterAsync($":{ctx}:b", Schemas.Simple(Some.RecordName("pagesb")));
        await client.DeleteAsync($"subjects/:{ctx}:a/versions/3");
        await client.DeleteAsync($"subjects/:{ctx}:a/versions/1");
        await client.DeleteAsync($"subjects/:{ctx}:a/versions/1?permanent=true");

        var all = (await client.GetAsync("schemas?subjectPrefix=:*:&deleted=true")).Json!.AsArray();
        var mine = all.Where(s => s!["subject"]!.GetValue<string>().StartsWith($":{ctx}:", StringComparison.Ordinal)).ToList();
        var start = all.IndexOf(mine[0]);
        var page = (await client.GetAsync($"schemas?subjectPrefix=:*:&deleted=true&offset={start + 1}&limit=2")).Json!.AsArray();
        var live = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:")).Json!.AsArray();

        Assert.Equal([($":{ctx}:a", 2), ($":{ctx}:a", 3), ($":{ctx}:b", 1)], mine.Select(Key));
        Assert.Equal([($":{ctx}:a", 3), ($":{ctx}:b", 1)], page.Select(Key));
        Assert.Equal([($":{ctx}:a", 2), ($":{ctx}:b", 1)], live.Select(Key));
        if (profile != SandboxProfile.Platform76)
        {
            Assert.Equal([false, true, false], mine.Select(s => s!["deleted"]!.GetValue<bool>()));
        }
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Schemas_LatestOnly_IsTheHighestLiveVersion_OrWithDeletedTheHighestOfAll(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("latest");
        var name = Some.RecordName("latest");
        await client.RegisterAsync($":{ctx}:a", Schemas.Simple(name));
        await client.RegisterAsync($":{ctx}:a", Schemas.Simple(name, 2));
        await client.RegisterAsync($":{ctx}:gone", Schemas.Simple(Some.RecordName("latestgone")));
        await client.DeleteAsync($"subjects/:{ctx}:a/versions/2");
        await client.DeleteAsync($"subjects/:{ctx}:gone");

        var live = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:&latestOnly=true")).Json!.AsArray();
        var withDeleted = (await client.GetAsync($"schemas?subjectPrefix=:{ctx}:&latestOnly=true&deleted=true")).Json!.AsArray();

        Assert.Equal([($":{ctx}:a", 1)], live.Select(Key));
        Assert.Equal([($":{ctx}:a", 2), ($":{ctx}:gone", 1)], withDeleted.Select(Key));
    }

    private static (string Subject, int Version) Key(JsonNode? item) =>
        (item!["subject"]!.GetValue<string>(), item["version"]!.GetValue<int>());
}
