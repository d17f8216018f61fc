using System.Text.Json.Nodes;
using BulkWizard.Core.Configuration;

namespace BulkWizard.Core.Tests.Configuration;

/// <summary>A policy merged into a config the way the registry merges a registration: the rest of the body kept.</summary>
public sealed class SecurityPolicyTests
{
    [Fact]
    public void ApplyTo_MergesMetadataKeyByKey_UnitesSensitive_KeepsOtherFields()
    {
        var config = JsonNode.Parse("""{"compatibility":"FULL","normalize":true,"defaultMetadata":{"properties":{"owner":"old","domain":"payments"},"sensitive":["ssn"]}}""")!.AsObject();
        var policy = SecurityPolicy.Parse("default", "$.email=PII", "owner=team-a", "email", null);

        var after = policy.ApplyTo(config);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"compatibility":"FULL","normalize":true,"defaultMetadata":{"tags":{"$.email":["PII"]},"properties":{"domain":"payments","owner":"team-a"},"sensitive":["email","ssn"]}}"""),
            after), after.ToJsonString());
    }

    [Fact]
    public void ApplyTo_Override_MergesRulesByName_NewerWins_OthersKept()
    {
        var config = JsonNode.Parse("""{"overrideRuleSet":{"domainRules":[{"name":"a","type":"CEL","expr":"old"},{"name":"b","type":"CEL"}]}}""")!.AsObject();
        var policy = SecurityPolicy.Parse("override", null, null, null, """[{"name":"a","type":"CEL","expr":"new"}]""");

        var after = policy.ApplyTo(config);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"overrideRuleSet":{"domainRules":[{"name":"b","type":"CEL"},{"name":"a","type":"CEL","expr":"new"}]}}"""),
            after), after.ToJsonString());
        Assert.Equal("overrideRuleSet domainRules [a]", policy.Describe());
    }

    [Fact]
    public void Parse_EmptyTexts_IsAnEmptyPolicy() =>
        Assert.True(SecurityPolicy.Parse(null, " ", "", null, null).IsEmpty);
}
