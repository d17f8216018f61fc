using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>Context URL prefix rewriting, URL-decoded and normalized subject names, IMPORT ids and counters.</summary>
public sealed class ContextPrefixAndNamingTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles => SandboxProfiles.All;

    [Theory, MemberData(nameof(Profiles))]
    public async Task ContextPrefix_RewritesSubjectsSchemasConfigAndMode(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("prefix");
        var bare = ctx[1..];
        var id = await client.RegisterAsync($":{ctx}:orders", Schemas.Simple(Some.RecordName("prefix")));

        var subjects = (await client.GetAsync($"contexts/{bare}/subjects")).Strings();
        var version = await client.GetAsync($"contexts/:{ctx}:/subjects/orders/versions/1");
        var byId = await client.GetAsync($"contexts/{ctx}/schemas/ids/{id}");
        var schemas = (await client.GetAsync($"contexts/{ctx}/schemas")).Json!.AsArray();
        await client.PutAsync($"contexts/{ctx}/config", new JsonObject { ["compatibility"] = "NONE" });
        await client.PutAsync($"contexts/{ctx}/mode/orders", new JsonObject { ["mode"] = "READONLY" });

        Assert.Equal(new[] { $":{ctx}:orders" }, subjects);
        Assert.Equal($":{ctx}:orders", version.Str("subject"));
        Assert.Equal(200, byId.Code);
        Assert.Single(schemas);
        Assert.Equal("NONE", (await client.GetAsync($"config/:{ctx}:")).Str("compatibilityLevel"));
        Assert.Equal("READONLY", (await client.GetAsync($"mode/:{ctx}:orders")).Str("mode"));
        Assert.Equal(400, (await client.GetAsync("contexts/a:b/subjects")).Code);
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task SubjectNames_WithSlashSpaceColonPercentAndNonAscii_RoundTrip_DefaultContextPrefixNormalizes(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("we/ird :name%é");
        await client.RegisterAsync(subject, Schemas.Simple(Some.RecordName("weird")));

        var listed = (await client.GetAsync("subjects")).Strings();
        var read = await client.GetAsync($"subjects/{Uri.EscapeDataString(subject)}/versions/1");
        var viaDefaultPrefix = await client.GetAsync($"subjects/{Uri.EscapeDataString(":.:" + subject)}/versions/1");

        Assert.Contains(subject, listed);
        Assert.Equal(subject, read.Str("subject"));
        Assert.Equal(subject, viaDefaultPrefix.Str("subject"));
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task Import_RaisesTheContextCounter_AndRefusesToOverwriteAnIdWithAnotherSchema(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctx = Some.Context("import");
        await client.PutAsync($"mode/:{ctx}:", new JsonObject { ["mode"] = "IMPORT" });
        var imported = await client.PostAsync($"subjects/:{ctx}:a/versions",
            new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("imp")), ["id"] = 5000, ["version"] = 3 });
        var clash = await client.PostAsync($"subjects/:{ctx}:b/versions",
            new JsonObject { ["schema"] = Schemas.Simple(Some.RecordName("imp2")), ["id"] = 5000, ["version"] = 1 });
        await client.DeleteAsync($"mode/:{ctx}:");

        var next = await client.RegisterAsync($":{ctx}:c", Schemas.Simple(Some.RecordName("imp3")));

        Assert.Equal(5000, imported.Number("id"));
        Assert.Equal(42205, clash.ErrorCode);
        Assert.Equal(5001, next);
        Assert.Equal(new[] { 3 }, (await client.GetAsync($"subjects/:{ctx}:a/versions")).Ints());
    }

    [Theory, MemberData(nameof(Profiles))]
    public async Task ExplicitVersion_OutsideImport_AddsConfluentVersionPropertyAndANewId(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("explicit");
        var schema = Schemas.Simple(Some.RecordName("explicit"));
        var first = await client.RegisterAsync(subject, schema);

        var second = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = schema, ["version"] = 2 });

        Assert.NotEqual(first, second.Number("id"));
        var stored = await client.GetAsync($"subjects/{subject}/versions/2");
        Assert.Equal("2", stored.Json!["metadata"]!["properties"]!["confluent:version"]!.GetValue<string>());
    }
}
