using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Tests.SchemaUpdate;

public sealed class SchemaUpdateArgumentsTests
{
    [Theory]
    [InlineData("rename", "update_type: 'rename' is not allowed: use one of compatibility, naming, metadata.")]
    [InlineData(null, null)]
    [InlineData("naming", null)]
    public void Validate_UpdateType_NamesFieldAndAllowedValues(string? updateType, string? expected) =>
        Assert.Equal(expected, new SchemaUpdateArguments { UpdateType = updateType }.Validate());

    [Fact]
    public void Validate_UnknownLevel_SameWordsAsTheWizardsChoiceField() =>
        Assert.Equal(
            "compatibility: 'STRICT' is not allowed: use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.",
            new SchemaUpdateArguments { Compatibility = "strict" }.Validate());

    [Fact]
    public void Validate_UnknownConvention_NamesConventionAndListsAllowed()
    {
        var problem = new SchemaUpdateArguments { UpdateType = "naming", Convention = "shouting" }.Validate();

        Assert.StartsWith("convention: 'shouting' is not a naming convention. Allowed: topic_name, record_name", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata_target", "versions", "metadata_target: 'versions' is not allowed: use one of latest_versions, default_metadata, override_metadata.")]
    [InlineData("metadata_action", "add", "metadata_action: 'add' is not allowed: use one of set_property, remove_property, set_tags, remove_tags.")]
    public void Validate_MetadataChoices_NameFieldAndAllowedValues(string field, string value, string expected)
    {
        var arguments = field == "metadata_target"
            ? new SchemaUpdateArguments { UpdateType = "metadata", MetadataTarget = value }
            : new SchemaUpdateArguments { UpdateType = "metadata", MetadataAction = value };

        Assert.Equal(expected, arguments.Validate());
    }

    [Fact]
    public void Validate_ReservedMetadataKey_RefusedAsTheKeyQuestionWould()
    {
        var problem = new SchemaUpdateArguments { UpdateType = "metadata", MetadataTarget = "latest_versions", MetadataAction = "set_property", MetadataKey = "confluent:version" }.Validate();

        Assert.Equal("set_properties: 'confluent:version' is reserved by the registry (keys starting with 'confluent:').", problem);
    }

    [Theory]
    [InlineData("compatibility", "compatibility: missing for update_type 'compatibility'; give one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.")]
    [InlineData("naming", "convention: missing for update_type 'naming'; give topic_name, record_name, topic_record_name, kebab_case, snake_case, camel_case, prefix:<text>, context:<name>.")]
    [InlineData("metadata", "metadata_target: missing for update_type 'metadata'; give one of latest_versions, default_metadata, override_metadata.")]
    public void Missing_TheArgumentTheUpdateTypeNeeds_NamedWithWhatToGive(string updateType, string expected) =>
        Assert.Equal(expected, new SchemaUpdateArguments { UpdateType = updateType }.Missing());

    [Fact]
    public void Missing_SetPropertyWithoutValue_NamesValue()
    {
        var arguments = new SchemaUpdateArguments { UpdateType = "metadata", MetadataTarget = "latest_versions", MetadataAction = "set_property", MetadataKey = "owner" };

        Assert.Equal("metadata_value: missing for metadata_action 'set_property'; give the property value, or the tags, comma-separated.", arguments.Missing());
        Assert.Null((arguments with { MetadataAction = "remove_property" }).Missing());
    }

    [Fact]
    public void Proposals_Compatibility_UpperCasedUnderItsAnswerKey()
    {
        var proposals = new SchemaUpdateArguments { UpdateType = "compatibility", Compatibility = "full" }.Proposals();

        Assert.Equal(new Dictionary<string, string> { ["update_type"] = "compatibility", ["compatibility"] = "FULL" }, Strings(proposals));
    }

    [Theory]
    [InlineData("kebab-case", "naming_convention", "kebab_case")]
    [InlineData("prefix:team-", "naming_prefix", "team-")]
    [InlineData("context:staging", "naming_context", ".staging")]
    public void Proposals_Convention_SplitIntoTheNamingQuestions(string convention, string key, string value)
    {
        var proposals = Strings(new SchemaUpdateArguments { UpdateType = "naming", Convention = convention }.Proposals());

        Assert.Equal(value, proposals[key]);
        Assert.Equal("naming", proposals["update_type"]);
    }

    [Fact]
    public void Proposals_OnlyGivenValues()
    {
        var proposals = new SchemaUpdateArguments { MetadataAction = "remove_property", MetadataKey = "owner" }.Proposals();

        Assert.Equal(["metadata_action", "metadata_key"], proposals.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_AnswersObject_SameNamesAsThePlanningTool()
    {
        var arguments = new SchemaUpdateOperation(new(), TimeProvider.System).ReadArguments(new JsonObject { ["update_type"] = "naming", ["convention"] = "snake_case" });

        Assert.Equal(new SchemaUpdateArguments { UpdateType = "naming", Convention = "snake_case" }, arguments);
    }

    [Fact]
    public void Read_UnknownName_ListsTheArguments()
    {
        var error = Assert.Throws<WizardInputException>(() => OperationArguments.Read<SchemaUpdateArguments>(new JsonObject { ["naming_convention"] = "kebab_case" }, "schema_update"));

        Assert.Equal(
            "answers: 'naming_convention' is not an argument of schema_update; use update_type, compatibility, convention, metadata_target, metadata_action, metadata_key, metadata_value.",
            error.Message);
    }

    [Fact]
    public void Read_WrongKind_NamesFieldAndKind()
    {
        var error = Assert.Throws<WizardInputException>(() => OperationArguments.Read<SchemaUpdateArguments>(new JsonObject { ["compatibility"] = 3 }, "schema_update"));

        Assert.Equal("compatibility: give a text.", error.Message);
    }

    private static Dictionary<string, string> Strings(IReadOnlyDictionary<string, JsonNode> proposals) =>
        proposals.ToDictionary(p => p.Key, p => p.Value.GetValue<string>());
}
