using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Semantics;

/// <summary>
/// The 8.x guid over HTTP, against values rebuilt by hand from the registry's Schema.updateHash
/// (<see cref="JavaGuid"/>): stored text, then references, then metadata, then the rule set.
/// </summary>
public sealed class GuidSemanticsTests(SandboxProfiles sandboxes) : IClassFixture<SandboxProfiles>
{
    public static TheoryData<SandboxProfile> Profiles8x => new() { SandboxProfile.Platform8, SandboxProfile.Community };

    [Theory, MemberData(nameof(Profiles8x))]
    public async Task Guid_PlainAvro_IsMd5OfTheStoredText(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("guid-plain");
        var schema = Schemas.Simple(Some.RecordName("guidplain"));

        var register = await client.PostAsync($"subjects/{subject}/versions", new JsonObject { ["schema"] = schema });
        var version = await client.GetAsync($"subjects/{subject}/versions/1");

        Assert.Equal(schema, version.Str("schema"));
        Assert.Equal(JavaGuid.Of(schema), version.Str("guid"));
        Assert.Equal(version.Str("guid"), register.Str("guid"));
        Assert.Equal(200, (await client.GetAsync($"schemas/guids/{version.Str("guid")}")).Code);
    }

    [Theory, MemberData(nameof(Profiles8x))]
    public async Task Guid_WithReferences_AddsNameSubjectAndBigEndianVersion(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var referenced = Some.RecordName("guidref");
        var referencedSubject = Some.Subject("guid-ref");
        await client.RegisterAsync(referencedSubject, Schemas.Simple(referenced));
        await client.RegisterAsync(referencedSubject, Schemas.Simple(referenced, 2));
        var subject = Some.Subject("guid-refs");
        var schema = Schemas.Record(Some.RecordName("guidrefs"), "inner:" + referenced);

        await client.RegisterAsync(subject, schema, new JsonObject
        {
            ["references"] = new JsonArray(new JsonObject { ["name"] = referenced, ["subject"] = referencedSubject, ["version"] = 2 }),
        });
        var version = await client.GetAsync($"subjects/{subject}/versions/1");

        Assert.Equal(schema, version.Str("schema"));
        Assert.Equal(JavaGuid.Of(schema, referenced, referencedSubject, 2), version.Str("guid"));
    }

    [Theory, MemberData(nameof(Profiles8x))]
    public async Task Guid_WithMetadata_AddsMarkerThenSortedTagsPropertiesAndSensitive(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var subject = Some.Subject("guid-meta");
        var schema = Schemas.Simple(Some.RecordName("guidmeta"));
        var metadata = JsonNode.Parse("""
            {"sensitive":["owner"],
             "properties":{"owner":"team-a","domain":"sales"},
             "tags":{"User.name":["PII","GDPR"],"User.email":["PII"]}}
            """)!;

        await client.RegisterAsync(subject, schema, new JsonObject { ["metadata"] = metadata });
        var version = await client.GetAsync($"subjects/{subject}/versions/1");

        var expected = JavaGuid.Of(schema, JavaGuid.Present,
            "User.email", "PII", "User.name", "GDPR", "PII",
            "domain", "sales", "owner", "team-a",
            "owner");
        Assert.Equal(expected, version.Str("guid"));
    }

    [Fact]
    public async Task Guid_WithRuleSet_AddsMarkerThenEachRuleWithDefaultKindAndMode()
    {
        var client = sandboxes.Client(SandboxProfile.Platform8);
        var subject = Some.Subject("guid-rules");
        var schema = Schemas.Simple(Some.RecordName("guidrules"));

        await client.RegisterAsync(subject, schema, new JsonObject { ["ruleSet"] = RuleSet() });
        var version = await client.GetAsync($"subjects/{subject}/versions/1");

        var expected = JavaGuid.Of(schema, JavaGuid.Present,
            "checkF1", "CONDITION", "WRITE", "CEL", "PII", "a", "1", "b", "2", "message.f1 != ''", "ERROR",
            "encryptF1", "Encrypt the PII fields", "TRANSFORM", "WRITEREAD", "ENCRYPT", "PII", JavaGuid.Present);
        Assert.Equal(expected, version.Str("guid"));
    }

    [Fact]
    public async Task Guid_CommunityDropsTheRuleSet_GuidOfTheSchemaAlone()
    {
        var client = sandboxes.Client(SandboxProfile.Community);
        var subject = Some.Subject("guid-rules-ce");
        var schema = Schemas.Simple(Some.RecordName("guidrulesce"));

        await client.RegisterAsync(subject, schema, new JsonObject { ["ruleSet"] = RuleSet() });

        Assert.Equal(JavaGuid.Of(schema), (await client.GetAsync($"subjects/{subject}/versions/1")).Str("guid"));
    }

    [Theory, MemberData(nameof(Profiles8x))]
    public async Task Guid_SameSchemaInTwoContexts_SameGuidDifferentIds(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var ctxA = Some.Context("guida");
        var ctxB = Some.Context("guidb");
        var schema = Schemas.Simple(Some.RecordName("guidctx"));
        await client.RegisterAsync($":{ctxB}:first", Schemas.Simple(Some.RecordName("guidctxother")));

        var idA = await client.RegisterAsync($":{ctxA}:s", schema);
        var idB = await client.RegisterAsync($":{ctxB}:s", schema);
        var inA = await client.GetAsync($"subjects/:{ctxA}:s/versions/1");
        var inB = await client.GetAsync($"subjects/:{ctxB}:s/versions/1");

        Assert.Equal(1, idA);
        Assert.Equal(2, idB);
        Assert.Equal(JavaGuid.Of(schema), inA.Str("guid"));
        Assert.Equal(inA.Str("guid"), inB.Str("guid"));
    }

    [Theory, MemberData(nameof(Profiles8x))]
    public async Task Guid_DifferentMetadata_DifferentGuidAndId_EmptyMetadataDiffersFromNone(SandboxProfile profile)
    {
        var client = sandboxes.Client(profile);
        var schema = Schemas.Simple(Some.RecordName("guiddiff"));
        var subjects = new[] { Some.Subject("guid-none"), Some.Subject("guid-a"), Some.Subject("guid-b"), Some.Subject("guid-empty") };

        var ids = new[]
        {
            await client.RegisterAsync(subjects[0], schema),
            await client.RegisterAsync(subjects[1], schema, Owner("team-a")),
            await client.RegisterAsync(subjects[2], schema, Owner("team-b")),
            await client.RegisterAsync(subjects[3], schema, new JsonObject { ["metadata"] = new JsonObject() }),
        };
        var guids = new List<string>();
        foreach (var subject in subjects)
        {
            guids.Add((await client.GetAsync($"subjects/{subject}/versions/1")).Str("guid"));
        }

        Assert.Equal(
            [
                JavaGuid.Of(schema),
                JavaGuid.Of(schema, JavaGuid.Present, "owner", "team-a"),
                JavaGuid.Of(schema, JavaGuid.Present, "owner", "team-b"),
                JavaGuid.Of(schema, JavaGuid.Present),
            ],
            guids);
        Assert.Equal(4, ids.Distinct().Count());
    }

    private static JsonObject Owner(string owner) =>
        new() { ["metadata"] = new JsonObject { ["properties"] = new JsonObject { ["owner"] = owner } } };

    private static JsonNode RuleSet() => JsonNode.Parse("""
        {"domainRules":[
          {"name":"checkF1","kind":"CONDITION","mode":"WRITE","type":"CEL","tags":["PII"],
           "params":{"b":"2","a":"1"},"expr":"message.f1 != ''","onFailure":"ERROR"},
          {"name":"encryptF1","doc":"Encrypt the PII fields","type":"ENCRYPT","tags":["PII","PII"],"disabled":true}]}
        """)!;
}
