using System.Text.Json.Nodes;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Migration.Compare;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Migration;

public sealed class CopyVerificationTests
{
    private static readonly QualifiedSubject Subject = QualifiedSubject.Parse("orders-value");

    [Fact]
    public void ImportStoredWithoutItsRuleSet_FailsNamingTheDroppedRuleSet()
    {
        var sent = Version(ruleSet: RuleSet());

        var failure = Assert.Throws<InvalidOperationException>(() => CopyVerification.Check("orders-value", [sent], [Version()], exact: true));

        Assert.Equal(
            "verification failed: version 1 of orders-value (id 7) was stored with another rule_set than copied: the registry dropped the rule set " +
            "(a community-edition registry keeps none); migrate to a registry that keeps rule sets.",
            failure.Message);
    }

    [Fact]
    public void ImportStoredWithOtherMetadataAndReferences_FailsNamingBoth()
    {
        var sent = Version(metadata: new JsonObject { ["properties"] = new JsonObject { ["owner"] = "team-a" } }) with { References = [new("Address", "common-address", 2)] };

        var failure = Assert.Throws<InvalidOperationException>(() => CopyVerification.Check("orders-value", [sent], [Version()], exact: true));

        Assert.Equal("verification failed: version 1 of orders-value (id 7) was stored with another references, metadata than copied.", failure.Message);
    }

    [Fact]
    public void CopyWithNewIds_AcceptsMetadataTheTargetMergedIn_AndAnEmptyObjectForAnAbsentOne()
    {
        var merged = Version(metadata: new JsonObject { ["properties"] = new JsonObject { ["owner"] = "platform" } }, ruleSet: RuleSet());

        CopyVerification.Check("orders-value", [Version(ruleSet: RuleSet())], [merged], exact: false);
        CopyVerification.Check("orders-value", [Version(metadata: new JsonObject())], [Version()], exact: true);
    }

    [Fact]
    public void CopyWithNewIds_StoredWithoutItsRuleSet_Fails()
    {
        Assert.Throws<InvalidOperationException>(() => CopyVerification.Check("orders-value", [Version(ruleSet: RuleSet())], [Version()], exact: false));
    }

    [Fact]
    public void ImportStoredWithAnotherSchemaType_FailsNamingTheSchemaAsCompareRegistriesDoes()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => CopyVerification.Check("orders-value", [Version()], [Version() with { SchemaType = "JSON" }], exact: true));

        Assert.Equal("verification failed: version 1 of orders-value (id 7) was stored with another schema than copied.", failure.Message);
    }

    [Fact]
    public void CopyWithNewIds_AnotherSchemaText_Fails_AnotherGuidAloneDoesNot()
    {
        CopyVerification.Check("orders-value", [Version() with { SchemaGuid = "a" }], [Version() with { Id = 9, SchemaGuid = "b" }], exact: false);

        var failure = Assert.Throws<InvalidOperationException>(() => CopyVerification.Check("orders-value", [Version()], [Version() with { Schema = "\"int\"" }], exact: false));
        Assert.Equal("verification failed: version 1 of orders-value (id 7) was stored with another schema than copied.", failure.Message);
    }

    [Fact]
    public void DifferenceNames_AreTheOnesCompareRegistriesWrites()
    {
        Assert.Equal(
            ["schema", "id", "references", "metadata", "rule_set", "guid", "deleted", "version"],
            Enum.GetValues<Difference>().Select(CopyVerification.Name));
    }

    private static SchemaVersion Version(JsonObject? metadata = null, JsonObject? ruleSet = null) =>
        new(Subject, 1, 7, "AVRO", """{"type":"string"}""", [], metadata, ruleSet, null, null, false);

    private static JsonObject RuleSet() => new()
    {
        ["domainRules"] = new JsonArray(new JsonObject { ["name"] = "id_present", ["kind"] = "CONDITION", ["mode"] = "WRITE", ["type"] = "CEL", ["expr"] = "true" }),
    };
}
